import { Page, expect } from '@playwright/test';

/** Opens a page and waits until the WASM has hydrated it (clicks before that are lost). */
export async function openHydrated(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
}
