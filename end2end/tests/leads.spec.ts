import { test, expect } from '@playwright/test';
import { demoEmail, openHydrated, signInHome, unique, nav } from './helpers';

test('a Sales agent adds a lead, qualifies it and converts it into a customer', async ({ page }) => {
  await signInHome(page, demoEmail('sales-agent'));
  await nav(page).getByRole('link', { name: 'Leads' }).click();
  await expect(page.getByRole('heading', { name: 'Leads' })).toBeVisible();
  // The demo's leads are there, open ones first.
  await expect(page.getByTestId('leads')).toContainText('Northwind Traders');

  const company = unique('Fourth Coffee');
  await page.getByLabel('Company').fill(company);
  await page.getByLabel('Contact name').fill('Flo Barista');
  await page.getByLabel('Contact email').fill('not-an-email');
  await page.getByRole('button', { name: 'Add lead' }).click();
  await expect(page.getByText('Enter an email address like name@example.com.')).toBeVisible();
  await page.getByLabel('Contact email').fill('flo@fourthcoffee.example');
  await page.getByRole('button', { name: 'Add lead' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Lead added.');

  const row = page.getByTestId('lead-row').filter({ hasText: company });
  await expect(row.getByTestId('lead-status')).toHaveText('New');
  await row.getByRole('button', { name: 'Qualify' }).click();
  await expect(row.getByTestId('lead-status')).toHaveText('Qualified');

  const domain = `${company.replace(/\s+/g, '-').toLowerCase()}.example`;
  await row.getByLabel(`Customer domain for ${company}`).fill(domain);
  await row.getByRole('button', { name: 'Convert to customer' }).click();
  await expect(page.getByRole('heading', { name: company })).toBeVisible();

  // Back on the list (by its URL), the lead points at the customer.
  await openHydrated(page, '/leads');
  const converted = page.getByTestId('lead-row').filter({ hasText: company });
  await expect(converted.getByTestId('lead-status')).toHaveText('Converted');
  await expect(converted.getByRole('link', { name: 'Open the customer' })).toBeVisible();
});

test('a Helpdesk agent has no leads: no link, and a direct call is refused', async ({ page }) => {
  await signInHome(page, demoEmail('helpdesk-agent'));
  await expect(page.getByRole('link', { name: 'Leads' })).toHaveCount(0);
  const status = await page.evaluate(async () => {
    const r = await fetch('/api/leads/list', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return r.status;
  });
  expect(status).toBe(403);
});
