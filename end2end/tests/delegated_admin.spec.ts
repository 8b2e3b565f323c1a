import { test, expect } from '@playwright/test';
import { demoEmail, openHydrated, signInHome, nav } from './helpers';

test('an Admin agent administers a customer on its behalf, and the visit is in the activity log', async ({ page }) => {
  await signInHome(page, demoEmail('admin-agent'));
  await nav(page).getByRole('link', { name: 'Delegated administration' }).click();
  await expect(page.getByRole('heading', { name: 'Delegated administration' })).toBeVisible();
  const fabrikam = page.getByTestId('dap-row').filter({ hasText: 'Fabrikam' });
  await expect(fabrikam.getByTestId('dap-status')).toHaveText('Granted');
  const northwind = page.getByTestId('dap-row').filter({ hasText: 'Northwind Traders' });
  await expect(northwind.getByTestId('dap-status')).toHaveText('Requested, waiting for the customer');
  await expect(northwind.getByRole('link', { name: 'Administer on behalf' })).toHaveCount(0);

  await fabrikam.getByRole('link', { name: 'Administer on behalf' }).click();
  await expect(page.getByTestId('administer-heading')).toHaveText('Administering Fabrikam on its behalf');
  await expect(page.getByTestId('customer-admins')).toContainText('Adele Vance');
  await expect(page.getByTestId('customer-admins')).toContainText('Global admin');
  await expect(page.getByTestId('seats')).toContainText('Microsoft 365 E3');

  await nav(page).getByRole('link', { name: 'Activity', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Activity' })).toBeVisible();
  await page.getByLabel('Operation').selectOption({ label: 'Administered on behalf of the customer' });
  const rows = page.getByTestId('activity-row');
  await expect(rows.first()).toContainText('Fabrikam');
  await expect(rows.first()).toContainText('Demo Admin agent');
});

test("an Admin agent records Northwind's answer, ends the privileges and asks again", async ({ page }) => {
  await signInHome(page, demoEmail('admin-agent'));
  await openHydrated(page, '/delegated-admin');
  const northwind = () => page.getByTestId('dap-row').filter({ hasText: 'Northwind Traders' });
  await northwind().getByRole('button', { name: 'Customer granted' }).click();
  await expect(page.getByTestId('saved')).toHaveText("The customer's grant is recorded.");
  await expect(northwind().getByTestId('dap-status')).toHaveText('Granted');
  await northwind().getByRole('button', { name: 'End privileges' }).click();
  // Ending asks first, naming the customer and the effect.
  const question = northwind().getByRole('alertdialog', { name: 'End privileges' });
  await expect(question).toContainText('End the delegated admin privileges Northwind Traders granted?');
  await question.getByRole('button', { name: 'End privileges' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Delegated admin privileges ended.');
  await expect(northwind().getByTestId('dap-status')).toHaveText('Ended');
  await expect(northwind().getByRole('link', { name: 'Administer on behalf' })).toHaveCount(0);
  await page.getByLabel('Status').selectOption({ label: 'Ended' });
  await expect(page.getByTestId('dap-row')).toHaveCount(1);
  await northwind().getByRole('button', { name: 'Request privileges' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Delegated admin privileges requested.');
  await page.getByLabel('Status').selectOption({ label: 'Every status' });
  await expect(northwind().getByTestId('dap-status')).toHaveText('Requested, waiting for the customer');
});

test('a Sales agent can neither see delegated administration nor administer on behalf', async ({ page }) => {
  await signInHome(page, demoEmail('sales-agent'));
  await expect(page.getByRole('link', { name: 'Delegated administration' })).toHaveCount(0);
  await nav(page).getByRole('link', { name: 'Customers', exact: true }).click();
  await page.getByRole('link', { name: 'Fabrikam' }).click();
  await expect(page.getByTestId('delegated-admin')).toHaveText('Granted');
  await expect(page.getByRole('link', { name: 'Administer on behalf' })).toHaveCount(0);
  const status = await page.evaluate(async () => {
    const list = await fetch('/api/customers/list', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: { search: 'Fabrikam' } }),
    });
    const id = (await list.json()).customers[0].customer_id;
    const r = await fetch('/api/delegated-admin/administer', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ customer_id: id }),
    });
    return r.status;
  });
  expect(status).toBe(403);
});
