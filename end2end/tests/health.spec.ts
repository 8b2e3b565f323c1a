import { test, expect } from '@playwright/test';
import { demoEmail, openHydrated, signInHome, nav } from './helpers';

test('an Admin agent reads service health, with the open incident first', async ({ page }) => {
  await signInHome(page, demoEmail('admin-agent'));
  await nav(page).getByRole('link', { name: 'Service health' }).click();
  await expect(page.getByRole('heading', { name: 'Service health' })).toBeVisible();
  await expect(page.getByTestId('health-summary')).toHaveText(/^1 open incident/);
  const mail = page.getByTestId('services').getByRole('row', { name: /Mail and calendars/ });
  await expect(mail).toContainText('Degraded');
  const incidents = page.getByTestId('incidents').locator('tbody tr');
  await expect(incidents).toHaveCount(2);
  await expect(incidents.first()).toContainText('Delays in message delivery');
  await expect(incidents.first()).toContainText('Investigating');
  await expect(incidents.nth(1)).toContainText('Resolved');
  // By its URL too.
  await openHydrated(page, '/service-health');
  await expect(page.getByTestId('incidents')).toContainText('Meeting recordings not available');
});

test('a Sales agent has no service health: no link, and a direct call is refused', async ({ page }) => {
  await signInHome(page, demoEmail('sales-agent'));
  await expect(page.getByRole('link', { name: 'Service health' })).toHaveCount(0);
  const status = await page.evaluate(async () => {
    const r = await fetch('/api/health/overview', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return r.status;
  });
  expect(status).toBe(403);
  await openHydrated(page, '/service-health');
  await expect(page.getByText("You don't have permission to view service health.")).toBeVisible();
});
