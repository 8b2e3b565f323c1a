import { test, expect, Page } from '@playwright/test';
import { DEMO_PASSWORD, demoEmail, openHydrated } from './helpers';

// Keyboard only: sign in, reach a row's checkbox in the users list with Tab,
// select it with Space, see the focus ring at each step.

/** Presses Tab (or `key`) until `target` has the focus (at most `max` times). */
async function tabTo(page: Page, target: (el: Element) => boolean, max = 80, key = 'Tab'): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const here = await page.evaluateHandle(() => document.activeElement);
    if (await here.evaluate(target)) return;
  }
  throw new Error('not reached with Tab');
}

/** The focused element draws a visible ring (the focus-visible outline). */
async function expectFocusRing(page: Page): Promise<void> {
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  expect(outline).not.toMatch(/^none|\b0px$/);
}

test('a person signs in and selects a user with the keyboard alone', async ({ page }) => {
  await openHydrated(page, '/login');
  await tabTo(page, (el) => el.id === 'email');
  await expectFocusRing(page);
  await page.keyboard.type(demoEmail('global-admin'));
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();

  await openHydrated(page, '/users');
  await expect(page.getByTestId('user-row').first()).toBeVisible();
  await tabTo(page, (el) => el instanceof HTMLInputElement && el.type === 'checkbox' && !!el.closest('[data-testid=user-row]'));
  await expectFocusRing(page);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('selected-count')).toHaveText('1 selected');

  // Back up the page with Shift+Tab to the navigation (it comes first) and open a link with Enter.
  await tabTo(page, (el) => el.tagName === 'A' && el.textContent?.trim() === 'Roles and permissions', 200, 'Shift+Tab');
  await expectFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Roles and permissions', level: 1 })).toBeVisible();
});
