import { test, expect } from '@playwright/test';
import { demoEmail, newUserSession, openHydrated, signIn, signInHome, signOut, totpCode, nav } from './helpers';

test('a person sets up two-step verification, signs in with a code, and an admin resets it', async ({ browser, page }) => {
  await signInHome(page, demoEmail('global-admin'));
  const tom = await newUserSession(browser, page, 'Tom Twostep');

  // Security, under My account: off at first, with this browser's session listed.
  await nav(tom.page).getByRole('link', { name: 'Security' }).click();
  await expect(tom.page.getByTestId('second-factor-status')).toHaveText(/^Off/);
  await expect(tom.page.getByTestId('sessions')).toContainText('This browser');

  // Set up: a QR code drawn by the server, and the key to type by hand.
  await tom.page.getByRole('button', { name: 'Set up two-step verification' }).click();
  await expect(tom.page.getByTestId('qr').locator('svg')).toBeVisible();
  const secret = ((await tom.page.getByTestId('totp-secret').textContent()) ?? '').trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  // A wrong code is refused with a message.
  const right = totpCode(secret);
  const wrong = right === '000000' ? '111111' : '000000';
  await tom.page.getByLabel('Code from the app').fill(wrong);
  await tom.page.getByRole('button', { name: 'Turn on' }).click();
  await expect(tom.page.getByText('That code does not match')).toBeVisible();
  await tom.page.getByLabel('Code from the app').fill(right);
  await tom.page.getByRole('button', { name: 'Turn on' }).click();
  // Ten recovery codes, shown once.
  await expect(tom.page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
  const recovery = ((await tom.page.getByTestId('recovery-codes').locator('li').first().textContent()) ?? '').trim();
  expect(recovery).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
  await tom.page.getByRole('button', { name: 'I have saved them' }).click();
  await expect(tom.page.getByTestId('second-factor-status')).toHaveText(/^On since .*10 unused recovery codes/);

  // Next sign-in: the password, then the code (the next step's: the one
  // used to turn it on can't be used again).
  await signOut(tom.page);
  await signIn(tom.page, tom.email, 'violet-harbour-lantern');
  await expect(tom.page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
  await expect(tom.page).toHaveURL(/\/login\/verify$/);
  await expect(tom.page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await tom.page.getByLabel('Verification code').fill(right);
  await tom.page.getByRole('button', { name: 'Verify' }).click();
  await expect(tom.page.getByText('That code is not right')).toBeVisible();
  await tom.page.getByLabel('Verification code').fill(totpCode(secret, 1));
  await tom.page.getByRole('button', { name: 'Verify' }).click();
  await expect(tom.page.getByRole('heading', { name: `Welcome, ${tom.name}` })).toBeVisible();

  // A recovery code signs in once.
  await signOut(tom.page);
  await signIn(tom.page, tom.email, 'violet-harbour-lantern');
  await expect(tom.page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
  await expect(tom.page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await tom.page.getByLabel('Verification code').fill(recovery);
  await tom.page.getByRole('button', { name: 'Verify' }).click();
  await expect(tom.page.getByRole('heading', { name: `Welcome, ${tom.name}` })).toBeVisible();

  // The page loads by its URL too, counting what is left.
  await openHydrated(tom.page, '/account/security');
  await expect(tom.page.getByTestId('second-factor-status')).toContainText('9 unused recovery codes');

  // The admin resets it (a lost phone): Tom's session ends, and his
  // password alone signs him in again.
  await nav(page).getByRole('link', { name: 'User management' }).click();
  await page.getByLabel('Search name or email').fill(tom.name);
  await page.getByRole('link', { name: tom.name }).click();
  await expect(page.getByTestId('user-second-factor')).toHaveText('Two-step verification on');
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await page.getByRole('button', { name: 'Reset two-step verification' }).click();
  await expect(page.getByTestId('user-second-factor')).toHaveText('Two-step verification off');
  await tom.page.reload();
  await expect(tom.page.getByRole('heading', { name: 'Sign in to Partner Console' })).toBeVisible();
  await signInHome(tom.page, tom.email, 'violet-harbour-lantern');
  await tom.context.close();
});

test('a Helpdesk agent sees no second-factor reset, and ends their other sessions', async ({ browser, page }) => {
  const email = demoEmail('helpdesk-agent');
  // Another browser signed in as the same person.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInHome(otherPage, email);
  await signInHome(page, email);

  await nav(page).getByRole('link', { name: 'Security' }).click();
  await expect(page.getByTestId('sessions').locator('tbody tr')).not.toHaveCount(1);
  await page.getByRole('button', { name: 'End all other sessions' }).click();
  await expect(page.getByTestId('sessions-notice')).toHaveText(/other sessions ended/);
  await expect(page.getByTestId('sessions').locator('tbody tr')).toHaveCount(1);
  // The other browser is signed out on its next page.
  await otherPage.reload();
  await expect(otherPage.getByRole('heading', { name: 'Sign in to Partner Console' })).toBeVisible();
  await other.close();

  // No password or second-factor reset for a Helpdesk agent: no users page
  // at all, and a direct call is refused.
  await expect(page.getByRole('link', { name: 'User management' })).toHaveCount(0);
  const status = await page.evaluate(async () => {
    const r = await fetch('/api/users/reset-second-factor', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_id: 'anyone' }),
    });
    return r.status;
  });
  expect(status).toBe(403);
});
