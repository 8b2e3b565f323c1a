import { test, expect, Page } from '@playwright/test';
import { DEMO_PASSWORD, addCustomerUser, demoEmail, openHydrated, signInHome } from './helpers';

// Keyboard only: sign in, reach a row's checkbox in the users list with Tab,
// select it with Space, see the focus ring at each step; manage a customer
// user's licences in their panel.

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

test('an Admin agent manages a customer user\'s licences from the keyboard', async ({ page }) => {
  await signInHome(page, demoEmail('admin-agent'));
  // A user of their own, so no other test's seat counts move.
  await openHydrated(page, '/customers');
  await page.getByRole('link', { name: 'Fabrikam' }).click();
  await page.getByRole('link', { name: 'Users and licences' }).click();
  await expect(page.getByRole('heading', { name: /Users and licences/ })).toBeVisible();
  const { name, alias } = await addCustomerUser(page, 'Kay', 'Keys');
  await expect(page.getByTestId('created-user-name')).toHaveText(`${alias}@fabrikam.example`);
  await page.getByLabel('Filter by name').fill(name);
  const row = page.getByTestId('customer-user-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('licences')).toHaveText('None');

  // Select the row with Space, open the panel with Enter: the focus moves
  // to its first choice.
  await row.getByRole('checkbox').focus();
  await page.keyboard.press('Space');
  await expect(row.getByRole('checkbox')).toBeChecked();
  const manage = page.getByRole('button', { name: 'Manage licences' });
  await tabTo(page, (el) => el.tagName === 'BUTTON' && el.textContent?.trim() === 'Manage licences', 40, 'Shift+Tab');
  await expectFocusRing(page);
  await page.keyboard.press('Enter');
  const panel = page.getByRole('form', { name: 'Manage licences of 1 user(s)' });
  const first = panel.getByRole('combobox').first();
  await expect(first).toBeFocused();
  const product = (await first.getAttribute('id'))!;
  const productName = (await panel.locator(`label[for="${product}"]`).textContent())!.replace(/ \([^()]*\)$/, '');

  // Escape closes it without a change and gives the focus back.
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(manage).toBeFocused();

  // Assign the first product: ArrowDown picks "Assign", Tab moves on to Save.
  await page.keyboard.press('Enter');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(first).toHaveValue('add');
  await tabTo(page, (el) => el.tagName === 'BUTTON' && el.textContent?.trim() === 'Save licences');
  await expectFocusRing(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice')).toHaveText('Licences saved for 1 user(s).');
  await expect(row.getByTestId('licences')).toHaveText(productName);

  // And take it back the same way, so the seat is free again.
  await row.getByRole('checkbox').focus();
  await page.keyboard.press('Space');
  await tabTo(page, (el) => el.tagName === 'BUTTON' && el.textContent?.trim() === 'Manage licences', 40, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(first).toHaveValue('remove');
  await tabTo(page, (el) => el.tagName === 'BUTTON' && el.textContent?.trim() === 'Save licences');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('notice')).toHaveText('Licences saved for 1 user(s).');
  await expect(row.getByTestId('licences')).toHaveText('None');
});
