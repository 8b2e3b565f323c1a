import { test, expect } from '@playwright/test';
import { demoEmail, openHydrated, signInHome, unique } from './helpers';

// A slow connection: the server's page is on screen and a person types and
// clicks Save before the page's code (the WASM) has arrived.
test('what a person types and saves before the page is ready is kept and saved', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInHome(page, demoEmail('admin-agent'));

  const name = unique('Early Birds');
  await openHydrated(page, '/customers');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Domain', { exact: true }).fill(`${name.replace(/\s+/g, '-').toLowerCase()}.example`);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByTestId('customer-name')).toHaveText(name);
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  const path = new URL(page.url()).pathname;

  // Hold the WASM back until the person has typed and clicked.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(path, { waitUntil: 'domcontentloaded' });
  // The server's page already shows the customer's details.
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(name);
  await page.getByLabel('Phone').fill('+1 555 0142');
  await page.getByLabel('Address', { exact: true }).fill('1 Early Street');
  await page.getByRole('button', { name: 'Save details' }).click();
  // The click did not reload the page with the fields in its address.
  expect(new URL(page.url()).search).toBe('');
  await expect(page.locator('body')).not.toHaveAttribute('data-hydrated', 'true');

  release();
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  // Once the code is there, the typed values are still shown and the held
  // click saves them.
  await expect(page.getByTestId('saved')).toHaveText('Details saved.');
  await expect(page.getByLabel('Phone')).toHaveValue('+1 555 0142');
  await page.unroute('**/*.wasm');

  await openHydrated(page, path);
  await expect(page.getByLabel('Phone')).toHaveValue('+1 555 0142');
  await expect(page.getByLabel('Address', { exact: true })).toHaveValue('1 Early Street');
  await context.close();
});
