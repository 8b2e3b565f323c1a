import { test, expect, Page } from '@playwright/test';
import { addUserWithNoRole, demoEmail, newUserSession, signInHome, unique, nav } from './helpers';

const navGroups = (page: Page) => page.getByTestId('nav').getByTestId('nav-group');

test("a group's role reaches its members, and leaves with them", async ({ browser, page }) => {
  await signInHome(page, demoEmail('global-admin'));
  const member = await newUserSession(browser, page, 'Gwen Group');
  await expect(navGroups(member.page)).toHaveText(['My account']);

  // The admin creates a group that gives Billing admin, and adds the user.
  const group = unique('Billing desk');
  await nav(page).getByRole('link', { name: 'Groups', exact: true }).click();
  await page.getByLabel('New group name').fill(group);
  await page.getByRole('button', { name: 'Create group' }).click();
  await expect(page.getByTestId('group-name')).toHaveText(group);
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await page.getByLabel('Admin role').selectOption({ label: 'Billing admin' });
  await page.getByRole('button', { name: 'Save roles and permissions' }).click();
  await expect(page.getByTestId('group-gives')).toHaveText('Billing admin');
  await page.getByLabel('Add members: search name or email').fill(member.name);
  await page.getByRole('button', { name: `Add ${member.name}` }).click();
  await expect(page.getByTestId('saved')).toHaveText('Members saved.');
  await expect(page.getByTestId('member-row')).toHaveCount(1);

  // The member's next page shows the workspaces the group gives.
  await nav(member.page).getByRole('link', { name: 'Activity' }).click();
  await expect(navGroups(member.page)).toHaveText(['My account', 'Account settings', 'Billing', 'Pricing']);
  await expect(nav(member.page).getByRole('link', { name: 'Billing overview' })).toBeVisible();

  // Taken out of the group, they lose them on their next page.
  await page.getByRole('button', { name: `Remove ${member.name}` }).click();
  await expect(page.getByTestId('no-members')).toBeVisible();
  await nav(member.page).getByRole('link', { name: 'Home' }).click();
  await expect(navGroups(member.page)).toHaveText(['My account']);
  await member.context.close();
});

test('bulk: a Global admin gives three users a role in one step', async ({ browser, page }) => {
  await signInHome(page, demoEmail('global-admin'));
  const prefix = unique('Bulk');
  for (const n of ['Ann', 'Ben', 'Cy']) {
    await addUserWithNoRole(page, `${prefix} ${n}`, `${prefix.replace(/\s+/g, '.').toLowerCase()}.${n.toLowerCase()}@contoso.example`);
  }
  await page.getByRole('link', { name: 'Back to users' }).click();
  await page.getByLabel('Search name or email').fill(prefix);
  const rows = page.getByTestId('user-row');
  await expect(rows).toHaveCount(3);
  for (const n of ['Ann', 'Ben', 'Cy']) {
    await page.getByRole('checkbox', { name: `Select ${prefix} ${n}` }).check();
  }
  await expect(page.getByTestId('selected-count')).toHaveText('3 selected');
  await page.getByLabel('Bulk action').selectOption({ label: 'Assign a role' });
  await page.getByLabel('Role', { exact: true }).last().selectOption({ label: 'Admin agent' });
  await page.getByRole('button', { name: 'Apply…' }).click();
  await expect(page.getByTestId('bulk-confirm')).toHaveText('Assign Admin agent to 3 users?');
  await page.getByRole('button', { name: 'Yes, apply' }).click();
  await expect(page.getByTestId('bulk-result')).toContainText('Done for 3 user(s).');
  for (const n of ['Ann', 'Ben', 'Cy']) {
    await expect(rows.filter({ hasText: `${prefix} ${n}` })).toContainText('Admin agent');
  }
  // Each user got their own activity entry.
  await nav(page).getByRole('link', { name: 'Activity', exact: true }).click();
  await page.getByLabel('Target').fill(prefix);
  await page.getByLabel('Target').press('Enter');
  await page.getByLabel('Operation').selectOption({ label: 'Roles changed' });
  await expect(page.getByTestId('activity-row')).toHaveCount(3);
});

test('a user with no role asks for one; a Global admin approves; the user has it', async ({ browser, page }) => {
  await signInHome(page, demoEmail('global-admin'));
  const asker = await newUserSession(browser, page, 'Rita Request');
  const me = asker.page;
  // Whom to ask, and the form.
  await expect(me.getByTestId('admins')).toContainText('Demo Global admin');
  await me.getByLabel('Role', { exact: true }).selectOption({ label: 'Helpdesk agent' });
  await me.getByRole('button', { name: 'Send request' }).click();
  await expect(me.locator('#reason-error')).toHaveText('Say why you need the role.');
  await me.getByLabel('Why do you need it?').fill('I answer the Fabrikam helpdesk queue from Monday.');
  await me.getByRole('button', { name: 'Send request' }).click();
  await expect(me.getByTestId('my-request').first()).toHaveAttribute('data-status', 'pending');

  // The admin sees it in the inbox, counted in the navigation.
  await nav(page).getByRole('link', { name: 'Home' }).click();
  await nav(page).getByRole('link', { name: /^Role requests \(\d+\)$/ }).click();
  const request = page.getByTestId('request').filter({ hasText: `${asker.name} asks for Helpdesk agent` });
  await expect(request).toContainText('Fabrikam helpdesk queue');
  await request.getByLabel('Comment (optional)').fill('Welcome to the team');
  await request.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('decided')).toHaveText(`Helpdesk agent for ${asker.name}: Approved.`);

  // The requester sees the outcome and the new workspace.
  await me.reload();
  await expect(me.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expect(me.getByTestId('my-request').first()).toHaveAttribute('data-status', 'approved');
  await expect(me.getByTestId('my-request').first()).toContainText('Welcome to the team');
  await expect(me.getByTestId('my-roles')).toHaveText('Helpdesk agent');
  await expect(navGroups(me)).toContainText(['Customers']);
  await asker.context.close();
});
