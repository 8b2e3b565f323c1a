import { test, expect } from '@playwright/test';
import { DEMO_PASSWORD, demoEmail, openHydrated, signIn, signInHome, nav } from './helpers';

// The reader's settings: the language (from the browser, then the switcher,
// remembered), the theme (system, light or dark, applied at once and kept),
// and a phone-width screen (the navigation behind a menu button, nothing
// wider than the screen).

test.describe('a French browser', () => {
  test.use({ locale: 'fr-FR' });

  test('gets the sign-in page in French and can switch to English for good', async ({ page }) => {
    await openHydrated(page, '/login');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect(page.getByRole('heading', { name: 'Connexion à Partner Console', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Mot de passe')).toBeVisible();
    // A wrong password: the server's message, in French.
    await page.getByLabel('Adresse e-mail').fill(demoEmail('global-admin'));
    await page.getByLabel('Mot de passe').fill('not-the-password');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByText("L'adresse e-mail ou le mot de passe est incorrect.")).toBeVisible();

    await page.getByTestId('language-en').click();
    await expect(page.getByRole('heading', { name: 'Sign in to Partner Console', level: 1 })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await openHydrated(page, '/login');
    await expect(page.getByRole('heading', { name: 'Sign in to Partner Console', level: 1 })).toBeVisible();
  });
});

test('a signed-in user switches to French; roles and the menu follow', async ({ page }) => {
  // The Account admin: the choice is saved on the user, and no other test
  // signs in as them expecting a language.
  await signInHome(page, demoEmail('account-admin'));
  await page.getByTestId('language-fr').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  const menu = page.getByRole('navigation', { name: 'Principale' });
  await expect(menu.getByRole('link', { name: 'Rôles et autorisations' })).toBeVisible();
  await menu.getByRole('link', { name: 'Rôles et autorisations' }).click();
  await expect(page.getByText('Administrateur de primes incitatives').first()).toBeVisible();
  // Saved on the user: a new browser signs in to French.
  const other = await page.context().browser()!.newContext();
  const fresh = await other.newPage();
  await signIn(fresh, demoEmail('account-admin'), DEMO_PASSWORD);
  await expect(fresh).toHaveURL(/\/$/);
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'fr');
  await other.close();
  // Back to English for the other tests of this user.
  await page.getByTestId('language-en').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the dark theme applies at once and stays after a reload', async ({ page }) => {
  await openHydrated(page, '/login');
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const light = await background();
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(background).not.toBe(light);
  const dark = await background();
  await openHydrated(page, '/login');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background()).toBe(dark);
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await page.getByLabel('Theme').selectOption('system');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
  expect(await background()).toBe(light);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the menu opens from its button and no page is wider than the screen', async ({ page }) => {
    await signInHome(page, demoEmail('global-admin'));
    const toggle = nav(page).getByRole('button', { name: 'Menu' });
    await expect(toggle).toBeVisible();
    await expect(nav(page).getByRole('link', { name: 'User management' })).toBeHidden();
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await nav(page).getByRole('link', { name: 'User management' }).click();
    await expect(page.getByRole('heading', { name: 'User management', level: 1 })).toBeVisible();
    await expect(page.getByTestId('user-row').first()).toBeVisible();
    // A stacked row names each of its cells' columns.
    const email = page.getByTestId('user-row').first().locator('td[data-label="Email"]');
    await expect(email).toContainText('@');
    expect(await email.evaluate((td) => getComputedStyle(td, '::before').content)).toContain('Email');
    for (const path of ['/users', '/customers', '/roles', '/activity', '/users/new']) {
      await openHydrated(page, path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} is ${width}px wide`).toBeLessThanOrEqual(360);
    }
  });
});
