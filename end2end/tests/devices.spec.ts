import { test, expect, Page } from '@playwright/test';
import { demoEmail, reloadHydrated, signInHome } from './helpers';

const HEADER = 'Device serial number,Hardware hash,Manufacturer,Model';

/** A device list file as a person would choose it. */
const file = (rows: string[]) => ({
  name: 'devices.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n'),
});

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Calls a server function as the signed-in user; returns the status. */
async function call(page: Page, endpoint: string, body: object): Promise<number> {
  return page.evaluate(
    async ([endpoint, body]) => {
      const r = await fetch(`/api/${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return r.status;
    },
    [endpoint, body] as const,
  );
}

test('an Admin agent uploads a device list with a bad row, fixes it, then creates a profile and applies it', async ({ page }) => {
  await signInHome(page, demoEmail('admin-agent'));
  await nav(page).getByRole('link', { name: 'Devices', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Devices', level: 1 })).toBeVisible();
  await page.getByTestId('device-customers').getByRole('link', { name: 'Northwind Traders' }).click();
  await expect(page.getByTestId('device-customer')).toContainText('Northwind Traders');
  // The demo list, its laptops with the demo laptop profile.
  const demo = page.getByTestId('device-row').filter({ hasText: '5CG2140A1K' });
  await expect(demo.getByTestId('profile')).toHaveText('Standard laptop');
  await reloadHydrated(page);

  const tag = Date.now().toString(36).toUpperCase();
  const panel = page.getByTestId('device-upload');
  const good = `E2E-${tag}-1,T0VNLUhBU0gtRTJF,Contoso Devices,Laptop 14`;
  const bad = `E2E-${tag}-2,not base64!,Contoso Devices,Laptop 14`;
  await panel.getByLabel('List name').fill(`E2E batch ${tag}`);
  await panel.getByLabel('CSV file').setInputFiles(file([good, bad]));
  await panel.getByRole('button', { name: 'Validate' }).click();
  await expect(panel.getByTestId('device-list-check')).toContainText('1 problem(s) in 2 row(s); nothing was written');
  const errorRow = panel.getByTestId('device-list-errors').getByRole('row').nth(1);
  await expect(errorRow.getByRole('cell').nth(0)).toHaveText('3');
  await expect(errorRow.getByRole('cell').nth(1)).toHaveText('Hardware hash');
  await expect(errorRow.getByRole('cell').nth(2)).toContainText('Not base64');
  await expect(panel.getByRole('button', { name: 'Add devices' })).toBeDisabled();

  const fixed = `E2E-${tag}-2,,Contoso Devices,Laptop 14`;
  await panel.getByLabel('CSV file').setInputFiles(file([good, fixed]));
  await panel.getByRole('button', { name: 'Validate' }).click();
  await expect(panel.getByTestId('device-list-check')).toHaveText(
    '2 device(s) are valid. Nothing is written until you add them.',
  );
  await panel.getByRole('button', { name: 'Add devices' }).click();
  await expect(panel.getByTestId('device-list-added')).toHaveText(`2 device(s) added in the list "E2E batch ${tag}".`);
  await page.getByLabel('Find a device').fill(tag);
  await expect(page.getByTestId('device-row')).toHaveCount(2);
  await expect(page.getByTestId('device-lists')).toContainText(`E2E batch ${tag}`);
  // The same file again: both serial numbers are registered already.
  await panel.getByRole('button', { name: 'Validate' }).click();
  await expect(panel.getByTestId('device-list-errors')).toContainText('is already registered for this customer');

  // A profile: a wrong device name template is refused, then created.
  await nav(page).getByRole('link', { name: 'Device profiles' }).click();
  await expect(page.getByRole('heading', { name: 'Device profiles' })).toBeVisible();
  await expect(page.getByTestId('device-profiles')).toContainText('Standard laptop');
  const form = page.getByTestId('profile-form');
  const name = `E2E kiosk ${tag}`;
  await form.getByLabel('Profile name').fill(name);
  await form.getByLabel('Skip privacy settings').check();
  await form.getByLabel('User account type').selectOption({ label: 'Administrator' });
  await form.getByLabel('Device name template (optional)').fill('E2E %SERIAL%');
  await form.getByRole('button', { name: 'Create profile' }).click();
  await expect(form.getByText('Use letters, digits and hyphens')).toBeVisible();
  await form.getByLabel('Device name template (optional)').fill('E2E-%SERIAL%');
  await expect(form.getByTestId('name-preview')).toContainText('is named E2E-PF3X9K2L.');
  await form.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Profile created.');
  const row = page.getByTestId('profile-row').filter({ hasText: name });
  await expect(row).toContainText('Administrator account, skips privacy settings');
  await expect(row.getByTestId('profile-devices')).toHaveText('0');

  // Applied to the two new devices, in one step.
  await nav(page).getByRole('link', { name: 'Devices', exact: true }).click();
  await page.getByTestId('device-customers').getByRole('link', { name: 'Northwind Traders' }).click();
  await page.getByLabel('Find a device').fill(tag);
  await expect(page.getByTestId('device-row')).toHaveCount(2);
  await page.getByLabel(`Select E2E-${tag}-1`).check();
  await page.getByLabel(`Select E2E-${tag}-2`).check();
  await page.getByLabel('Profile', { exact: true }).selectOption({ label: name });
  await page.getByRole('button', { name: 'Apply profile' }).click();
  await expect(page.getByTestId('notice')).toHaveText('Profile applied to 2 device(s).');
  for (const n of [1, 2]) {
    const device = page.getByTestId('device-row').filter({ hasText: `E2E-${tag}-${n}` });
    await expect(device.getByTestId('profile')).toHaveText(name);
    await expect(device).toContainText(`E2E-E2E${tag}`.slice(0, 15));
  }

  // In use now: the profile can't be deleted.
  await nav(page).getByRole('link', { name: 'Device profiles' }).click();
  const used = page.getByTestId('profile-row').filter({ hasText: name });
  await expect(used.getByTestId('profile-devices')).toHaveText('2');
  await expect(used.getByRole('button', { name: `Delete ${name}` })).toHaveCount(0);
});

test('a Sales agent uploads a device list but has no profile actions, and a direct call is refused', async ({ page }) => {
  await signInHome(page, demoEmail('sales-agent'));
  await expect(nav(page).getByRole('link', { name: 'Device profiles' })).toHaveCount(0);
  // From the customer's page.
  await nav(page).getByRole('link', { name: 'Customers', exact: true }).click();
  await page.getByRole('link', { name: 'Northwind Traders' }).click();
  await expect(page.getByTestId('customer-name')).toHaveText('Northwind Traders');
  await page.locator('section.card').getByRole('link', { name: 'Devices', exact: true }).click();
  await expect(page.getByTestId('device-customer')).toContainText('Northwind Traders');
  await expect(page.getByTestId('devices')).toContainText('7TR0091K');
  await expect(page.getByRole('button', { name: 'Apply profile' })).toHaveCount(0);
  await expect(page.getByRole('checkbox')).toHaveCount(0);

  const serial = `SALES-${Date.now().toString(36).toUpperCase()}`;
  const panel = page.getByTestId('device-upload');
  await panel.getByLabel('List name').fill(`Sales batch ${serial}`);
  await panel.getByLabel('CSV file').setInputFiles(file([`${serial},,Contoso Devices,Tablet 11`]));
  await panel.getByRole('button', { name: 'Validate' }).click();
  await expect(panel.getByTestId('device-list-check')).toContainText('1 device(s) are valid');
  await panel.getByRole('button', { name: 'Add devices' }).click();
  await expect(panel.getByTestId('device-list-added')).toContainText('1 device(s) added');
  await page.getByLabel('Find a device').fill(serial);
  await expect(page.getByTestId('device-row')).toHaveCount(1);
  await expect(page.getByTestId('device-row').getByTestId('profile')).toHaveText('None');

  expect(await call(page, 'device-profiles/create', { profile: { name: `Sales ${serial}` } })).toBe(403);
  expect(await call(page, 'device-profiles/list', {})).toBe(403);
});

test('a Helpdesk agent has no Devices workspace: no link, and a direct call is refused', async ({ page }) => {
  await signInHome(page, demoEmail('helpdesk-agent'));
  await expect(nav(page).getByRole('link', { name: 'Devices', exact: true })).toHaveCount(0);
  await expect(nav(page).getByRole('link', { name: 'Device profiles' })).toHaveCount(0);
  expect(await call(page, 'devices/customers', { search: '' })).toBe(403);
  expect(await call(page, 'devices/list', { query: { customer_id: 'any' } })).toBe(403);
});

test('an Admin agent is asked before deleting an unused device profile, and can say no', async ({ page }) => {
  await signInHome(page, demoEmail('admin-agent'));
  await nav(page).getByRole('link', { name: 'Device profiles' }).click();
  const form = page.getByTestId('profile-form');
  const name = `E2E scratch ${Date.now().toString(36)}`;
  await form.getByLabel('Profile name').fill(name);
  await form.getByRole('button', { name: 'Create profile' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Profile created.');
  const row = page.getByTestId('profile-row').filter({ hasText: name });
  const deleteButton = row.getByRole('button', { name: `Delete ${name}` });

  // Cancel keeps it, and the focus goes back to its Delete button.
  await deleteButton.click();
  const question = page.getByRole('alertdialog', { name: `Delete ${name}` });
  await expect(question).toContainText(`Delete the device profile ${name}? No device uses it`);
  await expect(question.getByRole('button', { name: `Delete ${name}` })).toBeFocused();
  await question.getByRole('button', { name: 'Cancel' }).click();
  await expect(question).toHaveCount(0);
  await expect(deleteButton).toBeFocused();
  await expect(row).toHaveCount(1);

  // Confirmed, it is gone.
  await deleteButton.click();
  await question.getByRole('button', { name: `Delete ${name}` }).click();
  await expect(page.getByTestId('saved')).toHaveText('Profile deleted.');
  await expect(row).toHaveCount(0);
});
