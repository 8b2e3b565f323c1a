import { test, expect, Page } from '@playwright/test';
import { demoEmail, openHydrated, signInHome, nav } from './helpers';

// The README's pictures, taken from the real server: `make screenshots`
// runs this file with SCREENSHOTS=1 and writes docs/screenshots/*.png.
// In the normal suite it is skipped (the pictures are committed).

test.skip(!process.env.SCREENSHOTS, 'only for make screenshots');

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `../docs/screenshots/${name}.png`, fullPage: false });

test.use({ viewport: { width: 1280, height: 800 } });

test('sign-in, users, add user, customer users, import, roles', async ({ page }) => {
  await openHydrated(page, '/login');
  await shot(page, 'sign-in');

  await signInHome(page, demoEmail('global-admin'));
  await nav(page).getByRole('link', { name: 'User management' }).click();
  await page.getByRole('button', { name: 'Find Global admins' }).click();
  await expect(page.getByTestId('user-row')).toHaveCount(1);
  await shot(page, 'users-filtered-by-role');

  await openHydrated(page, '/users/new');
  await page.getByLabel('Full name').fill('Ada Lovelace');
  await page.getByLabel('Email (sign-in name)').fill(`ada.${Date.now().toString(36)}@contoso.example`);
  await page.getByLabel('Agent role').selectOption({ label: 'Sales agent' });
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'User added' })).toBeVisible();
  await shot(page, 'user-added-temporary-password');

  await openHydrated(page, '/customers');
  await page.getByRole('link', { name: 'Fabrikam' }).click();
  await page.getByRole('link', { name: 'Users and licences' }).click();
  await expect(page.getByTestId('customer-user-row').first()).toBeVisible();
  await shot(page, 'customer-users-and-licences');

  await page.getByRole('button', { name: 'Import users' }).click();
  const panel = page.getByTestId('import');
  const csv = [
    'First name,Last name,Display name,Email,Licence',
    'Ivy,Import,Ivy Import,ivy.import@fabrikam.example,Microsoft 365 E3',
    'Oz,Outside,Oz Outside,oz.outside@contoso.example,',
  ].join('\r\n');
  await panel.getByLabel('CSV file').setInputFiles({ name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from(csv + '\r\n') });
  await panel.getByRole('button', { name: 'Validate' }).click();
  await expect(panel.getByTestId('import-errors')).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'import-with-row-errors');

  await openHydrated(page, '/roles');
  await shot(page, 'roles-matrix');
});

test.describe('in French', () => {
  test.use({ locale: 'fr-FR' });
  test('the users page', async ({ page }) => {
    await openHydrated(page, '/login');
    await page.getByLabel('Adresse e-mail').fill(demoEmail('user-management-admin'));
    await page.getByLabel('Mot de passe').fill('demo-password-2026');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('heading', { name: /^Bienvenue/ })).toBeVisible();
    await openHydrated(page, '/users');
    await expect(page.getByTestId('user-row').first()).toBeVisible();
    await shot(page, 'french-users');
  });
});

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });
  test('the customers page', async ({ page }) => {
    await signInHome(page, demoEmail('admin-agent'));
    await openHydrated(page, '/customers');
    await shot(page, 'dark-customers');
  });
});

test.describe('phone width', () => {
  test.use({ viewport: { width: 360, height: 740 } });
  test('the users page with the menu open', async ({ page }) => {
    await signInHome(page, demoEmail('billing-admin'));
    await openHydrated(page, '/billing');
    await shot(page, 'phone-billing');
  });
});
