import { test, expect, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { demoEmail, signInHome, unique, nav } from './helpers';

/** The HTTP status of a direct call of a server function from the page. */
async function callStatus(page: Page, endpoint: string, body: string): Promise<number> {
  return page.evaluate(
    async ([endpoint, body]) => {
      const r = await fetch(`/api/${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return r.status;
    },
    [endpoint, body],
  );
}

test('an Incentives admin enrols a partner ID, migrates it, edits the bank and tax profile and opens all reports', async ({
  page,
  browser,
}) => {
  // Two new locations, added by a Global admin on the organization profile.
  const suffix = Date.now().toString(36).toUpperCase();
  const first = `IN-${suffix}`;
  const second = `IM-${suffix}`;
  const context = await browser.newContext();
  const ga = await context.newPage();
  await signInHome(ga, demoEmail('global-admin'));
  await nav(ga).getByRole('link', { name: 'Organization profile' }).click();
  for (const [id, place] of [
    [first, 'Lyon'],
    [second, 'Lille'],
  ]) {
    await ga.getByLabel('Partner ID').fill(id);
    await ga.getByLabel('Location').fill(place);
    await ga.getByLabel('Country').fill('France');
    await ga.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(ga.getByTestId('locations')).toContainText(id);
  }
  await context.close();

  await signInHome(page, demoEmail('incentives-admin'));
  await nav(page).getByRole('link', { name: 'Programs and enrolments' }).click();
  await expect(page.getByRole('heading', { name: 'Incentive programs' })).toBeVisible();
  await expect(page.getByTestId('programs')).toContainText(
    'Closed: succeeded by Cloud Reseller Incentive 2026',
  );
  // The demo's enrolment from when the 2025 program was open.
  await expect(page.getByTestId('enrolments')).toContainText('Cloud Reseller Incentive 2025');

  const enrol = async () => {
    await page.getByLabel('Program', { exact: true }).selectOption({ label: 'Security Adoption' });
    await page.getByLabel('Partner ID', { exact: true }).selectOption(first);
    await page
      .getByLabel('Contact', { exact: true })
      .selectOption({ label: 'Demo Incentives user (incentives-user@contoso.example)' });
    await page.getByRole('button', { name: 'Enrol', exact: true }).click();
  };
  await enrol();
  await expect(page.getByTestId('saved')).toHaveText('Partner ID enrolled.');
  // A row by its partner ID (the migrate forms list every partner ID).
  const rowOf = (partnerId: string) =>
    page.locator(`[data-testid="enrolment-row"][data-partner-id="${partnerId}"]`);
  await expect(rowOf('4567890').getByTestId('closed-note')).toHaveText(
    'Program closed: migrate to Cloud Reseller Incentive 2026',
  );
  const enrolled = rowOf(first);
  await expect(enrolled.getByTestId('enrolment-status')).toHaveText('Active');
  await expect(enrolled).toContainText('Demo Incentives user');
  // A partner ID is in a program once.
  await enrol();
  await expect(
    page.getByText(`Partner ID ${first} is already enrolled in Security Adoption.`),
  ).toBeVisible();

  // Migrate it to the other new partner ID.
  await enrolled.getByText('Migrate…').click();
  await enrolled.getByLabel('Move to partner ID').selectOption(second);
  await enrolled.getByRole('button', { name: 'Migrate enrolment' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Enrolment migrated.');
  const old = rowOf(first);
  await expect(old.getByTestId('enrolment-status')).toContainText(
    `Migrated to Security Adoption · ${second}`,
  );
  await expect(old.getByRole('button', { name: 'Withdraw' })).toHaveCount(0);
  await expect(rowOf(second).getByTestId('enrolment-status')).toHaveText('Active');
  await expect(rowOf(second)).toContainText('Demo Incentives user');

  // The bank and tax profile: a mistyped IBAN is refused, a right one saved
  // and shown masked.
  await nav(page).getByRole('link', { name: 'Bank and tax profile' }).click();
  await expect(page.getByRole('heading', { name: 'Bank and tax profile' })).toBeVisible();
  await expect(page.getByTestId('account-saved')).toContainText('Account number on file: ••••');
  const bank = unique('Banque');
  await page.getByLabel('Bank name').fill(bank);
  await page.getByLabel(/IBAN or account number/).fill('DE89 3704 0044 0532 0130 01');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('This IBAN is not valid')).toBeVisible();
  await page.getByLabel(/IBAN or account number/).fill('DE89 3704 0044 0532 0130 00');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Bank and tax profile saved.');
  await expect(page.getByTestId('account-saved')).toContainText('•••• 3000');
  await expect(page.getByLabel('Bank name')).toHaveValue(bank);
  await expect(page.getByLabel(/IBAN or account number/)).toHaveValue('');

  // Every enrolment's earnings, and the CSV.
  await nav(page).getByRole('link', { name: 'Incentive reports' }).click();
  await expect(page.getByTestId('report-scope')).toHaveText('Every enrolment of your organization.');
  await expect(page.getByTestId('earnings')).toContainText('Cloud Reseller Incentive 2025');
  await expect(page.getByTestId('earnings')).toContainText('Deployment Accelerator');
  await expect(page.getByTestId('report-total')).toContainText('EUR');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('\uFEFFMonth,Program,Partner ID,Contact,Amount,Currency');
  expect(csv).toContain('Deployment Accelerator,4567891,Demo Incentives admin');
});

test('an Incentives user sees the enrolments and their own reports, but nothing to enrol, migrate or pay', async ({
  page,
}) => {
  await signInHome(page, demoEmail('incentives-user'));
  await expect(page.getByRole('link', { name: 'Bank and tax profile' })).toHaveCount(0);
  await nav(page).getByRole('link', { name: 'Programs and enrolments' }).click();
  await expect(page.getByTestId('enrolments')).toContainText('Deployment Accelerator');
  await expect(page.getByTestId('enrolments')).toContainText('Cloud Reseller Incentive 2025');
  await expect(page.getByTestId('enrol-form')).toHaveCount(0);
  await expect(page.getByText('Migrate…')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Withdraw' })).toHaveCount(0);

  await nav(page).getByRole('link', { name: 'Incentive reports' }).click();
  await expect(page.getByTestId('report-scope')).toHaveText('The enrolments you are the contact of.');
  const earnings = page.getByTestId('earnings');
  await expect(earnings).toContainText('Cloud Reseller Incentive 2025');
  await expect(earnings).not.toContainText('Deployment Accelerator');

  // The server refuses what the page does not offer.
  expect(await callStatus(page, 'incentives/bank-tax', '{}')).toBe(403);
  expect(
    await callStatus(
      page,
      'incentives/enrol',
      '{"enrolment": {"program_id": "security-adoption", "partner_id": "4567890", "contact_user_id": "x"}}',
    ),
  ).toBe(403);
});

test('a Global admin has no Incentives: no link, and a direct call is refused', async ({ page }) => {
  await signInHome(page, demoEmail('global-admin'));
  await expect(page.getByTestId('nav')).not.toContainText('Incentives');
  await expect(page.getByRole('link', { name: 'Programs and enrolments' })).toHaveCount(0);
  expect(await callStatus(page, 'incentives/enrolments', '{}')).toBe(403);
  expect(await callStatus(page, 'incentives/bank-tax', '{}')).toBe(403);
  expect(await callStatus(page, 'incentives/reports', '{"query": {}}')).toBe(403);
});
