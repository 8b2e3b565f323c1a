import { test, expect } from '@playwright/test';
import { demoEmail, openHydrated, signInHome, nav } from './helpers';

test('a Billing admin reads the partner agreements', async ({ page }) => {
  await signInHome(page, demoEmail('billing-admin'));
  await nav(page).getByRole('link', { name: 'Partner agreements' }).click();
  await expect(page.getByRole('heading', { name: 'Partner agreements' })).toBeVisible();
  const rows = page.getByTestId('agreements').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Partner agreement');
  await expect(rows.first()).toContainText('2026');
  await openHydrated(page, '/agreements');
  await expect(page.getByTestId('agreements')).toContainText('Data protection addendum');
});

test('a Sales agent has no partner agreements: no link, and a direct call is refused', async ({ page }) => {
  await signInHome(page, demoEmail('sales-agent'));
  await expect(page.getByRole('link', { name: 'Partner agreements' })).toHaveCount(0);
  const status = await page.evaluate(async () => {
    const r = await fetch('/api/agreements/list', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return r.status;
  });
  expect(status).toBe(403);
});
