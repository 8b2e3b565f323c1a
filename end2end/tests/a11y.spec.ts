import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DEMO_PASSWORD, demoEmail, openHydrated, signInHome, nav } from './helpers';

// Every page of every role, opened by its URL once hydrated, passes axe-core
// (WCAG 2.1 A and AA rules) with no violation; the public pages too, and the
// Global admin's pages in French in the dark theme.
//
// The longest file of the suite, and it only reads: its tests spread over
// both workers (each worker has its own server) instead of queueing on one.
test.describe.configure({ mode: 'parallel' });

const ROLES = [
  'global-admin',
  'admin-agent',
  'sales-agent',
  'helpdesk-agent',
  'billing-admin',
  'user-management-admin',
  'account-admin',
  'incentives-admin',
  'incentives-user',
  'no-role',
];

/** Runs axe on the page as it is: each violation's rule and nodes. */
async function violations(page: Page): Promise<string[]> {
  // Only the violations are read: axe then keeps one node per passing or
  // inapplicable rule instead of every one, which saves a part of its time
  // on every page (the rules run and judge every node all the same).
  // `options` replaces the builder's options, so it comes before the tags.
  // Legacy mode runs axe once in the page (`axe.run`). The default mode
  // runs it per frame and then opens a new blank tab to join the frames'
  // results, which took 0.3-0.7 s more per page than the whole check in
  // legacy mode (measured 2026-12-07: 745-1,514 ms against 387-821 ms, the
  // same rules passing). The console has no frames to join.
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(true)
    .analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`,
  );
}

/** Runs axe on the page as it is and fails with each violation's rule and nodes. */
async function expectNoViolations(page: Page, what: string): Promise<void> {
  expect(await violations(page), `${what}: axe violations`).toEqual([]);
}

// The check itself, in the mode the suite runs it: a field without a label
// and grey text on white put into a real page are both reported.
test('the axe check reports what it should', async ({ page }) => {
  await openHydrated(page, '/login');
  expect(await violations(page)).toEqual([]);
  await page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    const field = document.createElement('input');
    field.type = 'text';
    const faint = document.createElement('p');
    faint.textContent = 'Hard to read';
    faint.style.cssText = 'color: #ccc; background: #fff';
    main.append(field, faint);
  });
  const found = (await violations(page)).map((v) => v.split(' ')[0]);
  expect(found).toContain('label');
  expect(found).toContain('color-contrast');
});

/** The pages a role's navigation offers, plus the first record of each list that has one. */
async function pagesOf(page: Page, menu = nav(page)): Promise<string[]> {
  const hrefs = await menu
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((h) => h.startsWith('/')))];
}

async function checkEveryPage(page: Page, role: string): Promise<void> {
  await signInHome(page, demoEmail(role));
  const pages = await pagesOf(page);
  expect(pages.length).toBeGreaterThan(0);
  for (const path of pages) {
    await openHydrated(page, path);
    await expectNoViolations(page, `${role} ${path}`);
  }
}

for (const role of ROLES) {
  test(`every page of the ${role} passes axe`, async ({ page }) => {
    test.setTimeout(180_000);
    await checkEveryPage(page, role);
  });
}

test('the record pages pass axe', async ({ page }) => {
  test.setTimeout(120_000);
  await signInHome(page, demoEmail('global-admin'));
  await openHydrated(page, '/users');
  await page.getByRole('link', { name: 'Demo Global admin' }).click();
  await expect(page.getByTestId('user-name')).toBeVisible();
  await expectNoViolations(page, 'user page');
  await openHydrated(page, '/users/new');
  await expectNoViolations(page, 'add user');
  await openHydrated(page, '/customers');
  await page.getByRole('link', { name: 'Fabrikam' }).click();
  await expect(page.getByTestId('customer-name')).toBeVisible();
  await expectNoViolations(page, 'customer page');
  await page.getByRole('link', { name: 'Users and licences' }).click();
  await expect(page.getByTestId('customer-user-row').first()).toBeVisible();
  await expectNoViolations(page, 'customer users');
  // The question before a deletion, the licence panel and the import panel.
  await page.getByTestId('customer-user-row').first().getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectNoViolations(page, 'customer users, the delete question');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.getByRole('button', { name: 'Manage licences' }).click();
  await expect(page.getByTestId('manage-licences')).toBeVisible();
  await expectNoViolations(page, 'customer users, manage licences');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('manage-licences')).toHaveCount(0);
  await page.getByRole('button', { name: 'Import users' }).click();
  await expect(page.getByTestId('import')).toBeVisible();
  await expectNoViolations(page, 'customer users, import');
  await openHydrated(page, '/change-password');
  await expectNoViolations(page, 'change password');
});

test('the public pages pass axe', async ({ page }) => {
  for (const path of ['/login', '/status', '/no-such-page']) {
    await openHydrated(page, path);
    await expectNoViolations(page, path);
  }
});

// French and the dark theme in one pass over the Global admin's pages:
// axe's rules on language (the `lang` attribute, names and labels) and on
// colour (contrast) judge separate things, so one visit per page checks
// both; a pass for each took 33-37 s more of every CI run.
test.describe('in French, in the dark theme', () => {
  test.use({ locale: 'fr-FR', colorScheme: 'dark' });
  test('the sign-in page and the Global admin pages pass axe', async ({ page }) => {
    test.setTimeout(180_000);
    await openHydrated(page, '/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    // The page is drawn dark: its background's red, green and blue are low.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background, 'an opaque background').toMatch(/^rgb\(/);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b, `the dark theme's background (${background})`).toBeLessThan(200);
    await expectNoViolations(page, 'fr dark /login');
    await page.getByLabel('Adresse e-mail').fill(demoEmail('global-admin'));
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('heading', { name: /^Bienvenue/ })).toBeVisible();
    const pages = await pagesOf(page, page.getByRole('navigation', { name: 'Principale' }));
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) {
      await openHydrated(page, path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
      await expectNoViolations(page, `fr dark ${path}`);
    }
  });
});
