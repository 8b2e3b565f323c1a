import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addCustomerUser, demoEmail, openHydrated, reloadHydrated, signInHome, nav } from './helpers';

test('a Helpdesk agent creates a customer user, resets the password, deletes and restores them with their licence', async ({ page }) => {
  await signInHome(page, demoEmail('helpdesk-agent'));
  await nav(page).getByRole('link', { name: 'Customers', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  // Helpdesk agents can't create customers.
  await expect(page.getByRole('button', { name: 'Create customer' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Northwind Traders' }).click();
  await expect(page.getByTestId('customer-name')).toHaveText('Northwind Traders');
  // No billing information, no relationship request for this role.
  await expect(page.getByRole('heading', { name: 'Billing information' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Request relationship' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Users and licences' }).click();
  await expect(page.getByRole('heading', { name: /Users and licences/ })).toBeVisible();
  // Reloaded, the page arrives whole from the server and hydrates again.
  await reloadHydrated(page);
  await expect(page.getByRole('heading', { name: /Users and licences/ })).toBeVisible();
  const available = page.getByTestId('seats').getByTestId('available');
  const before = Number(await available.first().textContent());

  const { name, alias } = await addCustomerUser(page, 'Hana', 'Help', [/Microsoft 365 Business Basic/]);
  await expect(page.getByTestId('created-user-name')).toHaveText(`${alias}@northwind.example`);
  await expect(page.getByTestId('secret')).toHaveText(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){5}$/);
  await expect(available.first()).toHaveText(String(before - 1));

  const row = page.getByTestId('customer-user-row').filter({ hasText: name });
  await expect(row.getByTestId('licences')).toHaveText('Microsoft 365 Business Basic');
  await row.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByTestId('reset-result')).toContainText(`New temporary password for ${name}`);

  await row.getByRole('checkbox').check();
  // Delete asks first, naming the effect; by keyboard: Escape keeps the
  // user and gives the focus back, Enter on the focused answer deletes.
  const deleteButton = page.getByRole('button', { name: 'Delete', exact: true });
  await deleteButton.click();
  const question = page.getByRole('alertdialog', { name: 'Delete 1 user' });
  await expect(question).toContainText('Delete 1 user? They can be restored for 30 days');
  await expect(question.getByRole('button', { name: 'Delete 1 user' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(deleteButton).toBeFocused();
  await expect(row).toHaveCount(1);
  await deleteButton.click();
  await expect(question.getByRole('button', { name: 'Delete 1 user' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice')).toHaveText(/1 user\(s\) deleted/);
  await expect(available.first()).toHaveText(String(before));
  await page.getByTestId('deleted-tab').click();
  const deletedRow = page.getByTestId('customer-user-row').filter({ hasText: name });
  await deletedRow.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByTestId('notice')).toHaveText(`Restored: ${name}.`);
  await page.getByRole('tab', { name: 'Users', exact: true }).click();
  await expect(page.getByTestId('customer-user-row').filter({ hasText: name }).getByTestId('licences'))
    .toHaveText('Microsoft 365 Business Basic');
  await expect(available.first()).toHaveText(String(before - 1));
});

test('a role without the capability sees none of the customer user buttons', async ({ page }) => {
  await signInHome(page, demoEmail('billing-admin'));
  await expect(page.getByRole('link', { name: 'Customers', exact: true })).toHaveCount(0);
  await openHydrated(page, '/customers');
  await expect(page.getByRole('alert')).toContainText("You don't have permission to view customers");
  await expect(page.getByRole('button', { name: 'Add user' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reset password' })).toHaveCount(0);
});

test('a Sales agent imports a CSV with one bad row, fixes the file, and imports', async ({ page }) => {
  await signInHome(page, demoEmail('sales-agent'));
  await nav(page).getByRole('link', { name: 'Customers', exact: true }).click();
  await page.getByRole('link', { name: 'Fabrikam' }).click();
  await page.getByRole('link', { name: 'Users and licences' }).click();
  await expect(page.getByRole('heading', { name: /Users and licences/ })).toBeVisible();
  // Reloaded, the page arrives whole from the server and hydrates again.
  await reloadHydrated(page);
  await expect(page.getByRole('heading', { name: /Users and licences/ })).toBeVisible();
  await page.getByRole('button', { name: 'Import users' }).click();
  const panel = page.getByTestId('import');

  const tag = Date.now().toString(36);
  const header = 'First name,Last name,Display name,Email,Licence';
  const good = `Ivy,Import,Ivy Import ${tag},ivy.${tag}@fabrikam.example,Microsoft 365 E3`;
  const bad = `Oz,Outside,Oz Outside ${tag},oz.${tag}@contoso.example,`;
  const file = (rows: string[]) => ({
    name: 'users.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([header, ...rows].join('\r\n') + '\r\n'),
  });

  await panel.getByLabel('CSV file').setInputFiles(file([good, bad]));
  await panel.getByRole('button', { name: 'Validate' }).click();
  await expect(panel.getByTestId('import-check')).toContainText('1 problem(s) in 2 rows');
  const errorRow = panel.getByTestId('import-errors').getByRole('row').nth(1);
  await expect(errorRow).toContainText('3');
  await expect(errorRow).toContainText('Email');
  await expect(errorRow).toContainText('must end with @fabrikam.example');
  await expect(panel.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();

  const fixed = `Oz,Outside,Oz Outside ${tag},oz.${tag}@fabrikam.example,`;
  await panel.getByLabel('CSV file').setInputFiles(file([good, fixed]));
  await panel.getByRole('button', { name: 'Validate' }).click();
  await expect(panel.getByTestId('import-check')).toHaveText('2 rows are valid. Nothing is written until you import.');
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(panel.getByTestId('import-result')).toHaveText('2 users imported');
  // Said to screen readers too, through the page's live region.
  await expect(page.getByRole('status').filter({ hasText: '2 users imported' })).toHaveCount(1);
  await expect(panel.getByTestId('imported')).toContainText(`ivy.${tag}@fabrikam.example`);
  // The passwords file: every user created, with the password the table shows.
  const passwordsFile = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download passwords (CSV)' }).click();
  const passwords = readFileSync(await (await passwordsFile).path(), 'utf8').split('\r\n');
  // A byte order mark first, so spreadsheet programs read the file as UTF-8.
  expect(passwords[0]).toBe('\uFEFFDisplay name,User name,Temporary password');
  expect(passwords.filter((line) => line !== '')).toHaveLength(3);
  const ivyPassword = await panel.getByTestId('imported').getByRole('row')
    .filter({ hasText: `ivy.${tag}@fabrikam.example` }).locator('code').textContent();
  expect(passwords).toContain(`Ivy Import ${tag},ivy.${tag}@fabrikam.example,${ivyPassword}`);

  await page.getByLabel('Filter by name').fill(tag);
  await expect(page.getByTestId('customer-user-row')).toHaveCount(2);
  await expect(page.getByTestId('customer-user-row').filter({ hasText: 'Ivy Import' }).getByTestId('licences'))
    .toHaveText('Microsoft 365 E3');

  // The export streams the file in parts and offers it once whole.
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toBe('users.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFFFirst name,Last name,Display name,Email,Licences,Admin role,Status\r\n')).toBe(true);
  expect(csv).toContain(`Ivy,Import,Ivy Import ${tag},ivy.${tag}@fabrikam.example,Microsoft 365 E3,None,active`);
  await expect(page.getByTestId('export-notice')).toHaveText(/^Export ready: [\d,]+ rows\.$/);
});

test('a large import shows rows written as they go, and Cancel leaves nothing written', async ({ page }) => {
  await signInHome(page, demoEmail('sales-agent'));
  await nav(page).getByRole('link', { name: 'Customers', exact: true }).click();
  await page.getByRole('link', { name: 'Fabrikam' }).click();
  await page.getByRole('link', { name: 'Users and licences' }).click();
  await page.getByRole('button', { name: 'Import users' }).click();
  const panel = page.getByTestId('import');
  const tag = Date.now().toString(36);
  const rows = Array.from({ length: 60000 }, (_, i) => `Bulk,N${i},Bulk ${tag} ${i},bulk.${tag}.${i}@fabrikam.example,`);
  await panel.getByLabel('CSV file').setInputFiles({
    name: 'many.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['First name,Last name,Display name,Email,Licence', ...rows].join('\n') + '\n'),
  });
  await panel.getByRole('button', { name: 'Validate' }).click();
  await expect(panel.getByTestId('import-check')).toHaveText('60,000 rows are valid. Nothing is written until you import.');

  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  const progress = panel.getByTestId('import-progress');
  // Determinate: the bar has a value and the text counts the rows written.
  await expect(progress).toContainText(/Written [\d,]+ of 60,000 users, not yet saved \(\d+ %\)/);
  await expect(progress.getByRole('progressbar')).toHaveAttribute('max', '100');
  expect(Number(await progress.getByRole('progressbar').getAttribute('value'))).toBeGreaterThan(0);
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByTestId('import-notice')).toHaveText('Import cancelled: nothing was written.');
  await expect(progress).toHaveCount(0);
  await expect(panel.getByTestId('import-result')).toHaveCount(0);

  // Checked again, every row is still new: none of them was imported.
  await panel.getByRole('button', { name: 'Validate' }).click();
  await expect(panel.getByTestId('import-check')).toHaveText('60,000 rows are valid. Nothing is written until you import.');
  await page.getByLabel('Filter by name').fill(`Bulk ${tag}`);
  const empty = page.getByTestId('no-customer-users');
  await expect(empty).toContainText('No user matches.');
  // The empty list offers the way back: the filter is cleared, the users return.
  await empty.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(page.getByLabel('Filter by name')).toHaveValue('');
  await expect(page.getByTestId('customer-user-row').first()).toBeVisible();
  // The deleted tab of a customer without deleted users says what it holds.
  await page.getByTestId('deleted-tab').click();
  await expect(page.getByTestId('no-customer-users'))
    .toHaveText('No deleted user: deleted users stay here for 30 days, then they are gone.');
});
