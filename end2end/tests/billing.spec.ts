import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { demoEmail, openHydrated, signInHome, nav } from './helpers';

/** The status of a server function called directly, as a hand-made request would. */
async function callStatus(page: Page, endpoint: string, body: string): Promise<number> {
  return page.evaluate(
    async ([endpoint, body]) => {
      const r = await fetch(`/api/${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return r.status;
    },
    [endpoint, body],
  );
}

async function openCustomer(page: Page, name: string): Promise<void> {
  await nav(page).getByRole('link', { name: 'Customers', exact: true }).click();
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByTestId('customer-name')).toHaveText(name);
}

test('an Admin agent reads the price list and buys an offer for a customer', async ({ page }) => {
  await signInHome(page, demoEmail('admin-agent'));
  await nav(page).getByRole('link', { name: 'Price list' }).click();
  await expect(page.getByRole('heading', { name: 'Price list' })).toBeVisible();
  await expect(page.getByTestId('price-list')).toContainText('Microsoft 365 Business Premium');
  await page.getByLabel('Search products').fill('exchange');
  await expect(page.getByTestId('offer-row')).toHaveCount(4);
  await expect(page.getByTestId('price-list')).not.toContainText('Microsoft 365 E5');

  await openCustomer(page, 'Fabrikam');
  const offer = page.getByLabel('Offer');
  // Priced for this role; the products Fabrikam has are not offered.
  await expect(offer.locator('option[value="teams-essentials-annual"]')).toHaveText(
    'Microsoft Teams Essentials — annual commitment, $4.00 per seat per month',
  );
  await expect(offer.locator('option[value="m365-e3-monthly"]')).toHaveCount(0);
  await offer.selectOption('teams-essentials-annual');
  await expect(page.getByTestId('seat-bounds')).toHaveText('This offer takes 1 to 300 seats.');
  await page.getByLabel('Seats').fill('301');
  await page.getByRole('button', { name: 'Buy', exact: true }).click();
  await expect(page.getByText('Microsoft Teams Essentials — annual commitment takes 1 to 300 seats.')).toBeVisible();
  await page.getByLabel('Seats').fill('12');
  await page.getByRole('button', { name: 'Buy', exact: true }).click();
  await expect(page.getByTestId('bought')).toHaveText(
    'Bought 12 seats of Microsoft Teams Essentials, annual commitment.',
  );
  const row = page.getByTestId('seats').locator('tr', { hasText: 'Microsoft Teams Essentials' });
  await expect(row.locator('td').nth(1)).toHaveText('12');
  await expect(offer.locator('option[value="teams-essentials-annual"]')).toHaveCount(0);
  // Loaded by its URL, the page shows the new subscription from the server
  // and, hydrated, buys again.
  await openHydrated(page, page.url());
  await expect(page.getByTestId('seats')).toContainText('Microsoft Teams Essentials');
  await page.getByLabel('Offer').selectOption('exchange-online-2-monthly');
  await page.getByLabel('Seats').fill('3');
  await page.getByRole('button', { name: 'Buy', exact: true }).click();
  await expect(page.getByTestId('bought')).toHaveText('Bought 3 seats of Exchange Online (Plan 2), monthly.');
  await expect(page.getByTestId('seats')).toContainText('Exchange Online (Plan 2)');
});

test('a Billing admin opens an invoice and downloads it as CSV', async ({ page }) => {
  await signInHome(page, demoEmail('billing-admin'));
  await nav(page).getByRole('link', { name: 'Invoices' }).click();
  await expect(page.getByRole('heading', { name: 'Invoices' })).toBeVisible();
  const rows = page.getByTestId('invoice-row');
  await expect(rows).toHaveCount(3);
  // The latest month bills the demo's annual Teams Essentials of Northwind:
  // 10 × $43.20 + 5 × $4.80 + 3 × $7.20 + 8 × $4.00.
  await expect(rows.first().getByTestId('invoice-total')).toHaveText('$509.60 USD');
  const month = (await rows.first().getByRole('link').textContent())?.trim() ?? '';
  await rows.first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: `Invoice ${month}` })).toBeVisible();
  const customers = page.getByTestId('invoice-customer');
  await expect(customers).toHaveCount(2);
  const northwind = customers.filter({ hasText: 'Northwind Traders' });
  await expect(northwind).toContainText('Annual commitment');
  await expect(northwind.getByTestId('subtotal')).toHaveText('$53.60');
  // Loaded by its URL too, and the download works once hydrated.
  await openHydrated(page, page.url());
  await expect(page.getByTestId('invoice-customer')).toHaveCount(2);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`invoice-${month}.csv`);
  const csv = readFileSync(await download.path(), 'utf8').trim().split('\n');
  expect(csv[0]).toBe('Month,Customer,Customer ID,Product,Term,Seats,Unit price (USD),Amount (USD)');
  expect(csv).toHaveLength(5);
  expect(csv.some((l) => l.startsWith(`${month},Fabrikam,`) && l.endsWith(',Monthly,10,43.20,432.00'))).toBe(true);
});

test('a Sales agent has no pricing or billing: no link, no price, and a direct call is refused', async ({ page }) => {
  await signInHome(page, demoEmail('sales-agent'));
  for (const name of ['Price list', 'Invoices', 'Pricing overview', 'Billing overview']) {
    await expect(page.getByRole('link', { name })).toHaveCount(0);
  }
  expect(await callStatus(page, 'pricing/list', '{"query":{"search":""}}')).toBe(403);
  expect(await callStatus(page, 'billing/invoices', '{}')).toBe(403);
  // Sales agents buy, without seeing prices.
  await openCustomer(page, 'Northwind Traders');
  await expect(page.getByLabel('Offer').locator('option[value="m365-e5-monthly"]')).toHaveText(
    'Microsoft 365 E5 — monthly',
  );
  await expect(page.getByTestId('customer-invoices')).toHaveCount(0);
});

test("a Helpdesk agent reads a customer's invoices but buys nothing", async ({ page }) => {
  await signInHome(page, demoEmail('helpdesk-agent'));
  await expect(page.getByRole('link', { name: 'Invoices' })).toHaveCount(0);
  await openCustomer(page, 'Northwind Traders');
  await openHydrated(page, page.url());
  await expect(page.getByTestId('seats')).toContainText('Microsoft 365 Business Basic');
  const invoices = page.getByTestId('customer-invoices');
  await expect(invoices.getByRole('heading', { level: 3 })).toHaveCount(3);
  await expect(invoices.getByTestId('invoice-lines').first()).toContainText('Microsoft Teams Essentials');
  // Only this customer's lines: Fabrikam's products are not there.
  await expect(invoices).not.toContainText('Microsoft 365 E3');
  await expect(page.getByRole('heading', { name: 'Buy an offer' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Buy', exact: true })).toHaveCount(0);
  expect(await callStatus(page, 'billing/invoices', '{}')).toBe(403);
  expect(
    await callStatus(page, 'pricing/buy', '{"customer_id":"x","purchase":{"offer_id":"m365-e5-monthly","seats":1}}'),
  ).toBe(403);
  // The page hydrated whole: its links still answer.
  await page.getByRole('link', { name: 'Users and licences' }).click();
  await expect(page.getByRole('heading', { name: /Users and licences — Northwind Traders/ })).toBeVisible();
});
