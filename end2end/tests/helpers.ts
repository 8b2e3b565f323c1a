import { Page, expect } from '@playwright/test';

/** The password of every demo user (`serve --demo`). */
export const DEMO_PASSWORD = 'demo-password-2026';

/** Demo sign-in of a role, by its key (`global-admin`, …, `no-role`). */
export const demoEmail = (key: string) => `${key}@contoso.example`;

/** Opens a page and waits until the WASM has hydrated it (clicks before that are lost). */
export async function openHydrated(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
}

/** Signs in through the form, the way a person does. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await openHydrated(page, '/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits for the home page. */
export async function signInHome(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await signIn(page, email, password);
  await expect(page.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
}

/** Signs out with the navigation's button. */
export async function signOut(page: Page): Promise<void> {
  // After a full page load, a click before hydration would be lost.
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Partner Console' })).toBeVisible();
}

/** A name no other test uses. */
export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/**
 * Reloads the page (as a person pressing F5) and waits until it has
 * hydrated again; the server-rendered page must arrive complete every time.
 */
export async function reloadHydrated(page: Page): Promise<void> {
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
}
