import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'fs';
import { demoEmail, openHydrated, serverLog, signInHome, unique, nav } from './helpers';

/** The demo directory-sync application's secret, printed once in the server's log. */
function demoSecret(): string {
  const log = readFileSync(serverLog(), 'utf8');
  const found = log.match(/pcs_[A-Za-z0-9_-]+/);
  if (!found) throw new Error('no demo secret in the server log');
  return found[0];
}

async function switchMode(page: Page, to: 'synced' | 'cloud') {
  await openHydrated(page, '/organization');
  const button = page.getByRole('button', { name: to === 'synced' ? /^Switch to synced/ : /^Switch to cloud/ });
  if (await button.count()) {
    await button.click();
    await expect(page.getByTestId('saved')).toHaveText('Directory mode saved.');
  }
  await expect(page.getByTestId('directory-mode')).toContainText(to === 'synced' ? 'Synced' : 'Cloud');
}

test('in synced mode the create buttons are gone and a user created through SCIM appears', async ({ page, request }) => {
  await signInHome(page, demoEmail('global-admin'));
  try {
    await switchMode(page, 'synced');

    await nav(page).getByRole('link', { name: 'User management' }).click();
    await expect(page.getByRole('heading', { name: 'User management' })).toBeVisible();
    await expect(page.getByTestId('synced-note')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Add user' })).toHaveCount(0);
    await openHydrated(page, '/groups');
    await expect(page.getByRole('button', { name: 'Create group' })).toHaveCount(0);
    await openHydrated(page, '/applications');
    await expect(page.getByRole('button', { name: 'Create application' })).toHaveCount(0);

    // The directory creates a user over SCIM; the console lists it.
    const name = unique('Synced Sam');
    const userName = `${name.replace(/\s+/g, '.').toLowerCase()}@contoso.example`;
    const created = await request.post('/scim/v2/Users', {
      headers: { Authorization: `Bearer ${demoSecret()}`, 'Content-Type': 'application/scim+json' },
      data: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName,
        displayName: name,
        active: true,
        emails: [{ value: userName, type: 'work', primary: true }],
      },
    });
    expect(created.status()).toBe(201);
    await openHydrated(page, '/users');
    await page.getByLabel('Search name or email').fill(name);
    await expect(page.getByTestId('user-row').filter({ hasText: name })).toHaveCount(1);
    // Roles are still assigned in the console.
    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
  } finally {
    await switchMode(page, 'cloud');
  }
  await openHydrated(page, '/users');
  await expect(page.getByRole('link', { name: 'Add user' })).toBeVisible();
});
