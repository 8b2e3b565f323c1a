import { test, expect } from '@playwright/test';
import { openHydrated } from './helpers';

test('the status check runs in the browser and shows what the database holds', async ({ page }) => {
  await openHydrated(page, '/status');
  await expect(page.getByRole('heading', { name: 'Partner Console' })).toBeVisible();
  // Nothing is shown before the click: only client-side code can produce the result.
  await expect(page.getByTestId('status-organizations')).toHaveCount(0);

  await page.getByRole('button', { name: 'Check the database' }).click();

  await expect(page.getByTestId('status-database')).toHaveText('SQLite');
  // A visitor is told no counts.
  await expect(page.getByTestId('status-schema')).toBeVisible();
  await expect(page.getByTestId('status-organizations')).toHaveCount(0);
});
