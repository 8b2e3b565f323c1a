import { Browser, Page, expect } from '@playwright/test';
import { createHmac } from 'node:crypto';

/** The password of every demo user (`serve --demo`). */
export const DEMO_PASSWORD = 'demo-password-2026';

/** Demo sign-in of a role, by its key (`global-admin`, …, `no-role`). */
export const demoEmail = (key: string) => `${key}@contoso.example`;

/**
 * The main navigation. Its links also appear on the home page ("Your work")
 * and on workspace overviews, so a click "in the menu" is scoped to it.
 */
export const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

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

/**
 * The log of the server this worker talks to (scripts/e2e.sh starts one per
 * worker and lists their logs in SERVER_LOGS, in the order of BASE_URLS).
 */
export function serverLog(): string {
  const logs = (process.env.SERVER_LOGS ?? process.env.SERVER_LOG ?? '').split(',');
  return logs[Number(process.env.TEST_PARALLEL_INDEX ?? 0) % logs.length];
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

/** As the signed-in admin, adds a user with no role; returns the temporary password. */
export async function addUserWithNoRole(page: Page, name: string, email: string): Promise<string> {
  await nav(page).getByRole('link', { name: 'User management' }).click();
  await page.getByRole('link', { name: 'Add user' }).click();
  await expect(page.getByRole('heading', { name: 'Add user' })).toBeVisible();
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email (sign-in name)').fill(email);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'User added' })).toBeVisible();
  return (await page.getByTestId('secret').textContent())?.trim() ?? '';
}

/** A new browser in which a freshly added user has signed in and chosen a password. */
export async function newUserSession(browser: Browser, admin: Page, prefix: string) {
  const name = unique(prefix);
  const email = `${name.replace(/\s+/g, '.').toLowerCase()}@contoso.example`;
  const temporary = await addUserWithNoRole(admin, name, email);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, temporary);
  await expect(page.getByRole('heading', { name: 'Choose your password' })).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await page.getByLabel('Current (temporary) password').fill(temporary);
  await page.getByLabel('New password', { exact: true }).fill('violet-harbour-lantern');
  await page.getByLabel('New password again').fill('violet-harbour-lantern');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { name: `Welcome, ${name}` })).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  return { name, email, context, page };
}

/** Decodes base32 (RFC 4648, no padding), as authenticator apps do. */
function base32(secret: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of secret.replace(/[\s=]/g, '').toUpperCase()) {
    value = (value << 5) | alphabet.indexOf(c);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The 6-digit code an authenticator app shows for `secret` (RFC 6238), `offset` steps of 30 s from now. */
export function totpCode(secret: string, offset = 0): string {
  const step = Math.floor(Date.now() / 30_000) + offset;
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const h = createHmac('sha1', base32(secret)).update(counter).digest();
  const o = h[h.length - 1] & 15;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1_000_000).padStart(6, '0');
}

/**
 * On a customer's users page, fills the Add user form for `first last`
 * (a unique display name, its user name made from it), ticks the licences
 * matching `licences`, and creates the user. Returns the display name and
 * user name.
 */
export async function addCustomerUser(
  page: Page,
  first: string,
  last: string,
  licences: RegExp[] = [],
): Promise<{ name: string; alias: string }> {
  const name = unique(`${first} ${last}`);
  const alias = name.replace(/\s+/g, '.').toLowerCase();
  await page.getByRole('button', { name: 'Add user' }).click();
  await page.getByLabel('First name').fill(first);
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('User name').fill(alias);
  for (const licence of licences) await page.getByLabel(licence).check();
  await page.getByRole('button', { name: 'Create user' }).click();
  return { name, alias };
}
