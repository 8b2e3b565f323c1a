import { test, expect } from '@playwright/test';
import { demoEmail, nav, signInHome } from './helpers';

// The organization profile's partner IDs: an unused one is removed only
// once the question naming it is answered.

test('a Global admin is asked before removing an unused partner ID', async ({ page }) => {
  await signInHome(page, demoEmail('global-admin'));
  await nav(page).getByRole('link', { name: 'Organization profile' }).click();
  const id = `RM-${Date.now().toString(36).toUpperCase()}`;
  await page.getByLabel('Partner ID').fill(id);
  await page.getByLabel('Location').fill('Nantes');
  await page.getByLabel('Country').fill('France');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const row = page.getByTestId('location-row').filter({ hasText: id });
  await expect(row).toHaveCount(1);

  // Escape keeps it.
  await row.getByRole('button', { name: 'Remove' }).click();
  const question = page.getByRole('alertdialog', { name: `Remove ${id}` });
  await expect(question).toContainText(`Remove partner ID ${id} (Nantes)? No user is associated with it`);
  await expect(question.getByRole('button', { name: `Remove ${id}` })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(row).toHaveCount(1);

  await row.getByRole('button', { name: 'Remove' }).click();
  await question.getByRole('button', { name: `Remove ${id}` }).click();
  await expect(page.getByTestId('saved')).toHaveText('Partner ID removed.');
  await expect(row).toHaveCount(0);
});
