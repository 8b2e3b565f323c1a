import { test, expect } from '@playwright/test';
import { demoEmail, openHydrated, signInHome, unique, nav } from './helpers';

test('an admin creates an application, copies its secret, and revokes it', async ({ page, context, request }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInHome(page, demoEmail('global-admin'));
  await nav(page).getByRole('link', { name: 'Applications', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Applications', level: 1 })).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');

  const name = unique('Payroll sync');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Admin role').selectOption({ label: 'User management admin' });
  await page.getByRole('button', { name: 'Create application' }).click();
  const created = page.getByTestId('created-application');
  await expect(created).toContainText(`Application ${name} created.`);
  const secret = ((await created.getByTestId('secret').textContent()) ?? '').trim();
  expect(secret).toMatch(/^pcs_/);
  await created.getByRole('button', { name: 'Copy' }).click();
  await expect(created.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await expect(page.getByTestId('application-row').filter({ hasText: name })).toContainText('User management admin');

  // The secret works for a script, as the application.
  const me = await request.get('/api/v1/me', { headers: { Authorization: `Bearer ${secret}` } });
  expect(me.status()).toBe(200);
  expect((await me.json()).display_name).toBe(name);

  // Its page lists the secret by its first characters, then revokes it.
  await page.getByTestId('applications').getByRole('link', { name }).click();
  await expect(page.getByTestId('application-name')).toHaveText(name);
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  const row = page.getByTestId('secret-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('secret-status')).toHaveText('Active');
  await expect(row).toContainText(secret.slice(0, 8));
  await expect(page.locator('body')).not.toContainText(secret);
  await page.getByRole('button', { name: 'Revoke First secret' }).click();
  // Revoking asks first, naming the effect.
  const question = page.getByRole('alertdialog', { name: 'Revoke secret' });
  await expect(question).toContainText('Revoke the secret "First secret"? Scripts that send it are refused');
  await question.getByRole('button', { name: 'Revoke secret' }).click();
  await expect(question).toHaveCount(0);
  await expect(page.getByTestId('saved')).toHaveText('Secret revoked.');
  await expect(row.getByTestId('secret-status')).toHaveText('Revoked');
  const after = await request.get('/api/v1/me', { headers: { Authorization: `Bearer ${secret}` } });
  expect(after.status()).toBe(401);
  expect((await after.json()).message).toContain('revoked');

  // A new secret for the rotation is shown once, and works.
  await page.getByLabel('What the new secret is for').fill('Rotation');
  await page.getByRole('button', { name: 'Add secret' }).click();
  const fresh = ((await page.getByTestId('created-secret').getByTestId('secret').textContent()) ?? '').trim();
  expect(fresh).toMatch(/^pcs_/);
  await expect(page.getByTestId('secret-row')).toHaveCount(2);
  const again = await request.get('/api/v1/me', { headers: { Authorization: `Bearer ${fresh}` } });
  expect(again.status()).toBe(200);

  // Reloaded by its URL, the page shows the same application, without any secret.
  await openHydrated(page, page.url());
  await expect(page.getByTestId('application-name')).toHaveText(name);
  await expect(page.locator('body')).not.toContainText(fresh);
});

test('roles without "manage applications" see no Applications page', async ({ page }) => {
  await signInHome(page, demoEmail('billing-admin'));
  await expect(page.getByRole('link', { name: 'Applications', exact: true })).toHaveCount(0);
  await openHydrated(page, '/applications');
  await expect(page.getByRole('alert')).toContainText("You don't have permission to manage applications");
});

test('anyone signed in reads the API reference, built from the same routes', async ({ page, request }) => {
  await signInHome(page, demoEmail('no-role'));
  await nav(page).getByRole('link', { name: 'API reference' }).click();
  await expect(page.getByRole('heading', { name: 'API reference', level: 1 })).toBeVisible();
  const doc = await (await request.get('/api/v1/openapi.json')).json();
  const count = Object.values(doc.paths as Record<string, object>).reduce((n, item) => n + Object.keys(item).length, 0);
  await expect(page.getByTestId('operation')).toHaveCount(count);
  const create = page.getByTestId('operation').filter({ has: page.getByTestId('operation-path').getByText('/api/v1/users', { exact: true }) })
    .filter({ has: page.getByTestId('operation-method').getByText('POST', { exact: true }) });
  await expect(create).toContainText('Create a partner user.');
});
