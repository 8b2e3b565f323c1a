import { test, expect } from '@playwright/test';
import { demoEmail, openHydrated, signInHome, signOut, unique, nav } from './helpers';

test('a Helpdesk agent opens a ticket for a customer and comments; an Admin agent resolves it; a Sales agent only reads it', async ({ page }) => {
  // The Helpdesk agent goes from the customer to their tickets.
  await signInHome(page, demoEmail('helpdesk-agent'));
  await nav(page).getByRole('link', { name: 'Customers', exact: true }).click();
  await page.getByRole('link', { name: 'Fabrikam' }).click();
  await expect(page.getByTestId('customer-name')).toHaveText('Fabrikam');
  await page.getByRole('link', { name: 'Support tickets for this customer' }).click();
  await expect(page.getByRole('heading', { name: 'Support tickets', level: 1 })).toBeVisible();
  await expect(page.getByTestId('customer-filter')).toContainText('Fabrikam (fabrikam.example)');
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');

  // The form starts with that customer; Office 365 requests are an Admin agent's.
  await expect(page.getByLabel('Customer', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel('Category').locator('option', { hasText: 'Office 365' })).toHaveCount(0);
  const title = unique('Seats billed twice');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(page.getByText('Describe the problem: what happens, since when, for whom.')).toBeVisible();
  await page.getByLabel('Severity').selectOption({ label: 'Critical: work has stopped' });
  await page.getByLabel('Category').selectOption({ label: 'Subscriptions' });
  await page.getByLabel('Description').fill('Every renewal this month was charged twice.');
  await page.getByRole('button', { name: 'Open ticket' }).click();

  await expect(page.getByTestId('ticket-title')).toHaveText(title);
  await expect(page.getByTestId('ticket-status')).toHaveText('Open');
  await expect(page.getByTestId('ticket-opened')).toContainText('by Demo Helpdesk agent');
  await expect(page.getByRole('button', { name: 'Resolve ticket' })).toHaveCount(0);
  const ticketUrl = new URL(page.url()).pathname;
  const ticketId = ticketUrl.split('/').pop();
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await page.getByLabel('Add a comment').fill('The customer sent both charges from their bank statement.');
  await page.getByRole('button', { name: 'Add comment' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Comment added.');
  await expect(page.getByTestId('comment')).toHaveCount(1);
  await expect(page.getByTestId('comment')).toContainText('Demo Helpdesk agent');
  await signOut(page);

  // The Admin agent finds it among the open tickets and resolves it.
  await signInHome(page, demoEmail('admin-agent'));
  await nav(page).getByRole('link', { name: 'Support tickets' }).click();
  await page.getByLabel('Search titles').fill(title);
  const row = page.getByTestId('ticket-row').filter({ hasText: title });
  await expect(row.getByTestId('ticket-status')).toHaveText('Open');
  await row.getByRole('link', { name: title }).click();
  await expect(page.getByTestId('ticket-title')).toHaveText(title);
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await page.getByRole('button', { name: 'Resolve ticket' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Ticket resolved.');
  await expect(page.getByTestId('ticket-status')).toHaveText('Resolved');
  await expect(page.getByRole('button', { name: 'Reopen ticket' })).toBeVisible();
  await expect(page.getByLabel('Add a comment')).toHaveCount(0);
  await signOut(page);

  // The Sales agent reads it, with no comment box and no button; a direct
  // call to comment is refused.
  await signInHome(page, demoEmail('sales-agent'));
  await nav(page).getByRole('link', { name: 'Support tickets' }).click();
  await page.getByLabel('Status').selectOption({ label: 'Resolved' });
  await page.getByTestId('ticket-row').filter({ hasText: title }).getByRole('link', { name: title }).click();
  await expect(page.getByTestId('ticket-status')).toHaveText('Resolved');
  await expect(page.getByTestId('comment')).toContainText('bank statement');
  await expect(page.getByLabel('Add a comment')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Resolve ticket|Reopen ticket/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Console tickets' })).toHaveCount(0);
  const status = await page.evaluate(async (id) => {
    const r = await fetch('/api/support/tickets/comment', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticket_id: id, body: 'Sales chiming in' }),
    });
    return r.status;
  }, ticketId);
  expect(status).toBe(403);
});

test('a Global admin opens a console ticket; an Admin agent has no console tickets: no link, and a direct call is refused', async ({ page }) => {
  await signInHome(page, demoEmail('global-admin'));
  await nav(page).getByRole('link', { name: 'Console tickets' }).click();
  await expect(page.getByRole('heading', { name: 'Console tickets', level: 1 })).toBeVisible();
  await expect(page.getByTestId('tickets')).toContainText('Activity export of a whole year is slow');
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  // No customer to choose for a console ticket.
  await expect(page.getByLabel('Customer', { exact: true })).toHaveCount(0);
  const title = unique('Directory sync stops at night');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Category').selectOption({ label: 'API and directory sync' });
  await page.getByLabel('Description').fill('The SCIM client gets 503 between 02:00 and 02:10.');
  await page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(page.getByTestId('ticket-title')).toHaveText(title);
  await expect(page.getByTestId('ticket-opened')).toContainText('by Demo Global admin');
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await page.getByRole('button', { name: 'Resolve ticket' }).click();
  await expect(page.getByTestId('ticket-status')).toHaveText('Resolved');
  await openHydrated(page, '/support/console');
  await page.getByLabel('Status').selectOption({ label: 'All' });
  await expect(page.getByTestId('ticket-row').filter({ hasText: title }).getByTestId('ticket-status')).toHaveText('Resolved');
  await signOut(page);

  await signInHome(page, demoEmail('admin-agent'));
  await expect(nav(page).getByRole('link', { name: 'Support tickets' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Console tickets' })).toHaveCount(0);
  const status = await page.evaluate(async () => {
    const r = await fetch('/api/support/console/list', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": {}}',
    });
    return r.status;
  });
  expect(status).toBe(403);
  // By its address, the page says why instead of listing anything.
  await openHydrated(page, '/support/console');
  await expect(page.getByText("You don't have permission to create support tickets for the console.")).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open ticket' })).toHaveCount(0);
});
