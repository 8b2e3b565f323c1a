import { test, expect } from '@playwright/test';
import { demoEmail, openHydrated, signInHome, unique } from './helpers';

test('two people save the same customer: the second gets a conflict and the latest values, never an overwrite', async ({ browser }) => {
  const alice = await browser.newContext();
  const bob = await browser.newContext();
  const a = await alice.newPage();
  const b = await bob.newPage();
  await signInHome(a, demoEmail('admin-agent'));
  await signInHome(b, demoEmail('sales-agent'));

  // Alice creates a customer of their own for this test.
  const name = unique('Twice Traders');
  const domain = `${name.replace(/\s+/g, '-').toLowerCase()}.example`;
  await openHydrated(a, '/customers');
  await a.getByRole('button', { name: 'Create customer' }).click();
  await a.getByLabel('Name', { exact: true }).fill(name);
  await a.getByLabel('Domain', { exact: true }).fill(domain);
  await a.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(a.getByTestId('customer-name')).toHaveText(name);
  // The new customer's page is a full page load: let its code take over.
  await expect(a.locator('body')).toHaveAttribute('data-hydrated', 'true');
  const url = a.url();

  // Both have the same version open.
  await openHydrated(b, new URL(url).pathname);
  await expect(b.getByTestId('customer-name')).toHaveText(name);

  await a.getByLabel('Phone').fill('+1 555 0100');
  await a.getByRole('button', { name: 'Save details' }).click();
  await expect(a.getByTestId('saved')).toHaveText('Details saved.');

  await b.getByLabel('Phone').fill('+1 555 0199');
  await b.getByRole('button', { name: 'Save details' }).click();
  await expect(b.getByTestId('stale')).toContainText('Someone else changed this customer');
  // Bob now sees Alice's saved value, and can make his change again.
  await expect(b.getByLabel('Phone')).toHaveValue('+1 555 0100');
  await b.getByLabel('Phone').fill('+1 555 0199');
  await b.getByRole('button', { name: 'Save details' }).click();
  await expect(b.getByTestId('saved')).toHaveText('Details saved.');
  await expect(b.getByTestId('stale')).toHaveCount(0);

  // Alice reloads and finds Bob's later value, not her own.
  await openHydrated(a, new URL(url).pathname);
  await expect(a.getByLabel('Phone')).toHaveValue('+1 555 0199');
  await alice.close();
  await bob.close();
});
