import { test, expect, Browser } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { demoEmail, openHydrated, signIn, signInHome, signOut, unique, nav } from './helpers';

/** As the demo Global admin, adds a user and returns the temporary password. */
async function addUser(page: import('@playwright/test').Page, name: string, email: string, agentRole: string) {
  await nav(page).getByRole('link', { name: 'User management' }).click();
  await page.getByRole('link', { name: 'Add user' }).click();
  await expect(page.getByRole('heading', { name: 'Add user' })).toBeVisible();
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email (sign-in name)').fill(email);
  await page.getByLabel('Agent role').selectOption({ label: agentRole });
  await expect(page.getByLabel('Admin role')).toHaveValue('');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'User added' })).toBeVisible();
  await expect(page.getByTestId('created-email')).toHaveText(email);
  const password = (await page.getByTestId('secret').textContent())?.trim() ?? '';
  expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){5}$/);
  await expect(page.getByText("it can't be shown again")).toBeVisible();
  return password;
}

test('add a user, who signs in with the temporary password and must change it first', async ({ page }) => {
  const name = unique('Nadia New');
  const email = `${name.replace(/\s+/g, '.').toLowerCase()}@contoso.example`;
  await signInHome(page, demoEmail('global-admin'));
  const temporary = await addUser(page, name, email, 'Sales agent');

  // A duplicate email is refused next to the field.
  await page.getByRole('button', { name: 'Add another user' }).click();
  await page.getByLabel('Full name').fill('Someone Else');
  await page.getByLabel('Email (sign-in name)').fill(email.toUpperCase());
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.locator('#email-error')).toContainText('already exists');
  await signOut(page);

  // First sign-in: straight to the password change.
  await signIn(page, email, temporary);
  await expect(page.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await page.getByLabel('Current (temporary) password').fill(temporary);
  await page.getByLabel('New password', { exact: true }).fill('password1234');
  // The form gives the server's reason as the user types.
  await expect(page.getByTestId('new-password-hint')).toHaveText(/too common/);
  await page.getByLabel('New password', { exact: true }).fill('amber-lighthouse-quietly');
  await page.getByLabel('New password again').fill('amber-lighthouse-quietly');
  await expect(page.getByTestId('new-password-hint')).toHaveText('');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${name}` })).toBeVisible();
  await expect(page.getByTestId('my-roles')).toHaveText('Sales agent');
  await expect(page.getByTestId('nav').getByTestId('nav-group')).toHaveText([
    'My account', 'Customers', 'Devices', 'Subscriptions', 'Support',
  ]);

  // The new password works next time; the temporary one no longer does.
  await signOut(page);
  await signIn(page, email, temporary);
  await expect(page.getByText('The email or password is incorrect.')).toBeVisible();
  await signInHome(page, email, 'amber-lighthouse-quietly');
});

async function newContext(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("removing a user ends that user's open session", async ({ browser }) => {
  const admin = await newContext(browser);
  const name = unique('Rex Removed');
  const email = `${name.replace(/\s+/g, '.').toLowerCase()}@contoso.example`;
  await signInHome(admin.page, demoEmail('global-admin'));
  const temporary = await addUser(admin.page, name, email, 'Helpdesk agent');

  // The user signs in elsewhere and chooses a password.
  const user = await newContext(browser);
  await signIn(user.page, email, temporary);
  await expect(user.page.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
  await expect(user.page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await user.page.getByLabel('Current (temporary) password').fill(temporary);
  await user.page.getByLabel('New password', { exact: true }).fill('cobalt-meadow-sparrow');
  await user.page.getByLabel('New password again').fill('cobalt-meadow-sparrow');
  await user.page.getByRole('button', { name: 'Change password' }).click();
  await expect(user.page.getByRole('heading', { name: `Welcome, ${name}` })).toBeVisible();

  // The admin removes them.
  await admin.page.getByRole('link', { name: 'Back to users' }).click();
  await admin.page.getByLabel('Search name or email').fill(name);
  await admin.page.getByRole('link', { name }).click();
  await admin.page.getByRole('button', { name: 'Remove user' }).click();
  await admin.page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(admin.page.getByTestId('saved')).toHaveText('User removed: their access has ended.');
  await expect(admin.page.getByTestId('user-status')).toHaveText('Removed');

  // The user's next click finds the session gone.
  await nav(user.page).getByRole('link', { name: 'Activity' }).click();
  await expect(user.page.getByRole('heading', { name: 'Sign in to Partner Console' })).toBeVisible();
  await admin.context.close();
  await user.context.close();
});

test('an admin changes a role, then finds the change in Activity with before and after', async ({ page }) => {
  const name = unique('Ada Activity');
  const email = `${name.replace(/\s+/g, '.').toLowerCase()}@contoso.example`;
  await signInHome(page, demoEmail('global-admin'));
  await addUser(page, name, email, 'Helpdesk agent');
  await page.getByRole('link', { name: 'Back to users' }).click();
  await page.getByLabel('Search name or email').fill(name);
  await page.getByRole('link', { name }).click();
  await expect(page.getByTestId('user-name')).toHaveText(name);
  // Saving the roles the user already has changes nothing, and says so.
  await page.getByRole('button', { name: 'Save roles' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Nothing to save: no field was changed.');
  await page.getByLabel('Agent role').selectOption({ label: 'Admin agent' });
  await page.getByLabel('Admin role').selectOption({ label: 'Billing admin' });
  await page.getByRole('button', { name: 'Save roles' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Roles saved.');

  await nav(page).getByRole('link', { name: 'Activity', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible();
  await page.getByLabel('Target').fill(name);
  await page.getByLabel('Target').press('Enter');
  await page.getByLabel('Operation').selectOption({ label: 'Roles changed' });
  const rows = page.getByTestId('activity-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Demo Global admin');
  await expect(rows.first()).toContainText('agent role: Helpdesk agent → Admin agent');
  await expect(rows.first()).toContainText('admin role: (none) → Billing admin');

  // The export takes the same filters and arrives as one file.
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync(await (await downloaded).path(), 'utf8').trim().split('\r\n');
  expect(csv).toHaveLength(2);
  expect(csv[1]).toContain(name);
  expect(csv[1]).toContain('Roles changed');
  await expect(page.getByTestId('export-notice')).toHaveText('Export ready: 1 row.');
});

test('a search that finds no one says so and offers to clear the filters', async ({ page }) => {
  await signInHome(page, demoEmail('user-management-admin'));
  await openHydrated(page, '/users');
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Sales agent' });
  await page.getByLabel('Search name or email').fill('nobody-by-this-name');
  const empty = page.getByTestId('no-users');
  await expect(empty).toContainText('No user matches.');
  await empty.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(page.getByLabel('Search name or email')).toHaveValue('');
  await expect(page.getByLabel('Role', { exact: true })).toHaveValue('');
  await expect(page.getByRole('link', { name: 'Demo Global admin' })).toBeVisible();
});
