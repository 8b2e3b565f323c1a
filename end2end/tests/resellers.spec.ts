import { test, expect } from '@playwright/test';
import { demoEmail, openHydrated, signInHome, nav } from './helpers';

test('an Admin agent registers a value-added reseller', async ({ page }) => {
  await signInHome(page, demoEmail('admin-agent'));
  await nav(page).getByRole('link', { name: 'Resellers' }).click();
  await expect(page.getByRole('heading', { name: 'Value-added resellers' })).toBeVisible();
  await expect(page.getByTestId('resellers')).toContainText('Adventure Works Cycles');
  const id = `VAR-${Date.now().toString(36).toUpperCase()}`;
  await page.getByLabel('Reseller company').fill('Litware Resellers');
  await page.getByLabel('Reseller partner ID').fill('has spaces');
  await page.getByRole('button', { name: 'Register reseller' }).click();
  await expect(page.getByText("Enter the reseller's partner ID")).toBeVisible();
  await page.getByLabel('Reseller partner ID').fill(id);
  await page.getByLabel('Country').fill('France');
  await page.getByLabel('Contact email').fill('var@litware.example');
  await page.getByRole('button', { name: 'Register reseller' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Reseller registered.');
  await expect(page.getByTestId('resellers')).toContainText(id);
  // Registered once: the same partner ID again is refused, naming who has it.
  await page.getByLabel('Reseller company').fill('Copycat');
  await page.getByLabel('Reseller partner ID').fill(id);
  await page.getByLabel('Country').fill('France');
  await page.getByLabel('Contact email').fill('copy@cat.example');
  await page.getByRole('button', { name: 'Register reseller' }).click();
  await expect(page.getByText('This partner ID is registered already, for Litware Resellers.')).toBeVisible();
  await openHydrated(page, '/resellers');
  await expect(page.getByTestId('resellers')).toContainText('Litware Resellers');
});

test('a Billing admin has no reseller registrations: no link, and a direct call is refused', async ({ page }) => {
  await signInHome(page, demoEmail('billing-admin'));
  await expect(page.getByRole('link', { name: 'Resellers' })).toHaveCount(0);
  const status = await page.evaluate(async () => {
    const r = await fetch('/api/resellers/list', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return r.status;
  });
  expect(status).toBe(403);
});
