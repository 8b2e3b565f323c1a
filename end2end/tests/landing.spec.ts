import { test, expect } from '@playwright/test';
import { demoEmail, signInHome } from './helpers';

// Seed 000's nine roles: each demo user signs in to a home page that lists
// the pages of their work, and every one of those pages opens with data and
// no error (a refusal or a failed load would show one).
const ROLES = [
  'admin-agent',
  'sales-agent',
  'helpdesk-agent',
  'global-admin',
  'billing-admin',
  'user-management-admin',
  'account-admin',
  'incentives-admin',
  'incentives-user',
];

for (const role of ROLES) {
  test(`the demo ${role} lands on pages of their work, with real data`, async ({ page }) => {
    await signInHome(page, demoEmail(role));
    const work = page.getByTestId('your-work');
    await expect(work).toBeVisible();
    const links = await work.getByRole('link').evaluateAll((as) =>
      as.map((a) => ({ name: a.textContent ?? '', href: a.getAttribute('href') ?? '' })),
    );
    expect(links.length).toBeGreaterThan(0);
    let rows = 0;
    for (const { name, href } of links) {
      await page.goto(href);
      await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
      await expect(page.locator('h1').first(), `${name} (${href})`).toBeVisible();
      await expect(page.locator('.error'), `${name} (${href})`).toHaveCount(0);
      rows += await page.locator('table tbody tr').count();
    }
    // The demo fills every workspace: some of these pages list records.
    expect(rows, `rows on ${links.map((l) => l.href).join(', ')}`).toBeGreaterThan(0);
  });
}

test('a user with no role is told whom to ask, and has no work listed', async ({ page }) => {
  await signInHome(page, demoEmail('no-role'));
  await expect(page.getByTestId('your-work')).toHaveCount(0);
  await expect(page.getByTestId('admins')).toContainText('Demo Global admin');
});
