import { test, expect } from '@playwright/test';
import { demoEmail, openHydrated, signInHome, nav } from './helpers';

// The workspaces each role reaches, written from seed 000's table (the
// contract), not from the code: if the policy drifts, this test fails.
const WORKSPACES: Record<string, string[]> = {
  'admin-agent': ['Customers', 'Devices', 'Subscriptions', 'Billing', 'Pricing', 'Support'],
  'sales-agent': ['Customers', 'Devices', 'Subscriptions', 'Support'],
  'helpdesk-agent': ['Customers', 'Subscriptions', 'Billing', 'Support'],
  'global-admin': ['Account settings', 'Customers', 'Devices', 'Subscriptions', 'Billing', 'Pricing', 'Support'],
  'billing-admin': ['Account settings', 'Billing', 'Pricing'],
  'user-management-admin': ['Account settings', 'Customers'],
  'account-admin': ['Account settings'],
  'incentives-admin': ['Incentives'],
  'incentives-user': ['Incentives'],
  'no-role': [],
};

// Who may open User management, and add users there.
const MANAGES_USERS = new Set(['global-admin', 'user-management-admin', 'account-admin']);

for (const [role, workspaces] of Object.entries(WORKSPACES)) {
  test(`${role} sees exactly its workspaces and buttons`, async ({ page }) => {
    await signInHome(page, demoEmail(role));
    const groups = page.getByTestId('nav').getByTestId('nav-group');
    await expect(groups).toHaveText(['My account', ...workspaces]);

    const userManagement = nav(page).getByRole('link', { name: 'User management' });
    if (MANAGES_USERS.has(role)) {
      await userManagement.click();
      await expect(page.getByRole('heading', { name: 'User management' })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Add user' })).toBeVisible();
      await expect(page.getByTestId('user-row').first()).toBeVisible();
      // Ten demo users fit on one page: both pager buttons are disabled.
      await expect(page.getByRole('button', { name: 'Previous', exact: true })).toBeDisabled();
      await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeDisabled();
    } else {
      await expect(userManagement).toHaveCount(0);
      // Typing the address shows the server's refusal, not the list.
      await openHydrated(page, '/users');
      await expect(page.getByRole('alert')).toContainText("You don't have permission to view partner users");
      await expect(page.getByTestId('user-row')).toHaveCount(0);
    }
  });
}

test('a User management admin gets no buttons on a Global admin', async ({ page }) => {
  await signInHome(page, demoEmail('user-management-admin'));
  await nav(page).getByRole('link', { name: 'User management' }).click();
  await page.getByRole('button', { name: 'Find Global admins' }).click();
  await expect(page.getByTestId('user-row')).toHaveCount(1);
  await page.getByRole('link', { name: 'Demo Global admin' }).click();
  await expect(page.getByTestId('user-name')).toHaveText('Demo Global admin');
  await expect(page.getByRole('button', { name: 'Reset password' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove user' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save roles' })).toHaveCount(0);
  await expect(page.getByLabel('Full name')).toBeDisabled();
});

test('the roles page renders the matrix from the shared table', async ({ page }) => {
  await signInHome(page, demoEmail('no-role'));
  await nav(page).getByRole('link', { name: 'Roles and permissions' }).click();
  const matrix = page.getByTestId('matrix');
  await expect(matrix.getByRole('columnheader')).toHaveCount(10);
  const row = matrix.getByRole('row', { name: /^Manage Global admins/ });
  // Only the Global admin column (the 4th role) is ticked.
  await expect(row.locator('td[aria-label="yes"]')).toHaveCount(1);
  // Anyone signed in sees whom to ask for a role.
  await nav(page).getByRole('link', { name: 'Home' }).click();
  await expect(page.getByTestId('admins')).toContainText('Demo Global admin');
  await expect(page.getByTestId('admins')).toContainText('Demo Account admin');
});
