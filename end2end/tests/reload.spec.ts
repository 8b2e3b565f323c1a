import { test, expect, Page, Locator } from '@playwright/test';
import { demoEmail, openHydrated, reloadHydrated, signInHome, nav } from './helpers';

// Every page the suite visits, reached by clicking, then reloaded and opened
// by its URL in a new tab: each time the server renders it whole and the
// WASM hydrates it (a page once froze the whole server when loaded by URL).

/** Checks `heading` after a reload and in a new tab opened on the same URL. */
async function survivesReloadAndNewTab(page: Page, heading: (p: Page) => Locator): Promise<void> {
  await expect(heading(page)).toBeVisible();
  await reloadHydrated(page);
  await expect(heading(page)).toBeVisible();
  const tab = await page.context().newPage();
  await openHydrated(tab, page.url());
  await expect(heading(tab)).toBeVisible();
  await tab.close();
}

const h1 = (name: string | RegExp) => (p: Page) => p.getByRole('heading', { name, level: 1 });

test('a Global admin reloads every page of the console', async ({ page }) => {
  await signInHome(page, demoEmail('global-admin'));
  await survivesReloadAndNewTab(page, h1(/^Welcome, /));

  await nav(page).getByRole('link', { name: 'User management' }).click();
  await survivesReloadAndNewTab(page, h1('User management'));
  // Hydrated: the client-side filter works after the reload.
  await page.getByRole('button', { name: 'Find Global admins' }).click();
  await expect(page.getByTestId('user-row')).toHaveCount(1);

  await page.getByRole('link', { name: 'Demo Global admin' }).click();
  await survivesReloadAndNewTab(page, (p) => p.getByTestId('user-name'));

  await openHydrated(page, '/users');
  await page.getByRole('link', { name: 'Add user' }).click();
  await survivesReloadAndNewTab(page, h1('Add user'));

  await nav(page).getByRole('link', { name: 'Customers', exact: true }).click();
  await survivesReloadAndNewTab(page, h1('Customers'));
  await page.getByRole('link', { name: 'Fabrikam' }).click();
  await survivesReloadAndNewTab(page, (p) => p.getByTestId('customer-name'));
  await page.getByRole('link', { name: 'Users and licences' }).click();
  await survivesReloadAndNewTab(page, h1(/Users and licences — Fabrikam/));
  await expect(page.getByTestId('customer-user-row').first()).toBeVisible();
  // Hydrated: the tabs and the add form answer clicks after the reload.
  await page.getByTestId('deleted-tab').click();
  await expect(page.getByRole('button', { name: 'Restore' })).toBeVisible();
  await page.getByRole('tab', { name: 'Users', exact: true }).click();
  await page.getByRole('button', { name: 'Add user' }).click();
  await expect(page.getByLabel('First name')).toBeVisible();

  await nav(page).getByRole('link', { name: 'Activity', exact: true }).click();
  await survivesReloadAndNewTab(page, h1('Activity'));
  await nav(page).getByRole('link', { name: 'Roles and permissions' }).click();
  await survivesReloadAndNewTab(page, h1('Roles and permissions'));
  await openHydrated(page, '/workspace/billing');
  await survivesReloadAndNewTab(page, h1('Billing'));
  await openHydrated(page, '/change-password');
  await survivesReloadAndNewTab(page, h1('Choose your password'));
});

test('a Helpdesk agent reloads the customer pages, several times in a row', async ({ page }) => {
  await signInHome(page, demoEmail('helpdesk-agent'));
  await nav(page).getByRole('link', { name: 'Customers', exact: true }).click();
  await page.getByRole('link', { name: 'Northwind Traders' }).click();
  await page.getByRole('link', { name: 'Users and licences' }).click();
  for (let i = 0; i < 3; i++) {
    await survivesReloadAndNewTab(page, h1(/Users and licences — Northwind Traders/));
  }
  await expect(page.getByTestId('seats')).toBeVisible();
});

test('a visitor reloads the public pages', async ({ page }) => {
  await openHydrated(page, '/login');
  await survivesReloadAndNewTab(page, h1('Sign in to Partner Console'));
  await openHydrated(page, '/status');
  await survivesReloadAndNewTab(page, h1('Partner Console'));
  // Signed-in pages send a visitor to the sign-in page, by URL too.
  await openHydrated(page, '/customers');
  await expect(h1('Sign in to Partner Console')(page)).toBeVisible();
});
