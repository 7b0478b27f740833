// Tali asih for the people who claim it: a TKSK on a fresh account (no claim yet) opens one for
// the current month from the portal, is told in Indonesian why a future month cannot be claimed
// and is taken to the existing claim on a second try, and sees the period, amount, components and
// the month's activity on the report task instead of a raw technical panel.
import type { Browser, Page } from 'playwright-core';
import { currentPeriod, previousPeriod } from '../../domain/taliAsih';
import { launchChromium } from '../support/chromium';
import { createAccount, stack } from '../support/stack';
import { notified, shot } from './portal';

let browser: Browser;
const PASSWORD = 'sandi-tali-asih-uji';

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** portal.signIn with a password of one's own (new accounts cannot have the demo password). */
async function signInAs(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.goto(`${stack().apiUrl}/admin/`);
  await page.getByLabel(/Nama pengguna/).fill(username);
  await page.getByLabel(/Kata sandi/).fill(PASSWORD);
  await page.getByRole('button', { name: /^Masuk$/ }).click();
  await page.getByTestId('menu').waitFor();
  return page;
}

const nextPeriod = (p: string) => {
  const [y, m] = p.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

test('a TKSK opens a claim for this month from the portal and sees its summary on the report task', async () => {
  const username = `tksk.ta.${Date.now().toString(36)}`;
  const account = await createAccount({
    username,
    displayName: 'Sri Wahyuni (TKSK uji)',
    role: 'tksk',
    regionCode: '33.73.02',
    password: PASSWORD,
    bankAccount: 'BRI:0055-01-000222-50-4',
  });
  const page = await signInAs(username);
  const period = currentPeriod();

  await page.getByRole('menuitem', { name: 'Klaim tali asih' }).click();
  await page.getByTestId('claim-create').click();
  await page.getByTestId('claim-period').waitFor();

  // A month that has not begun is refused before anything is sent, in Indonesian.
  await page.getByTestId('claim-period').fill(nextPeriod(period));
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.getByText(`Bulan ${nextPeriod(period)} belum dimulai`, { exact: false }).waitFor();
  // A month too far back is a supervisor's backfill.
  await page.getByTestId('claim-period').fill(previousPeriod(previousPeriod(period)));
  await page.getByText('TKSK hanya mengajukan bulan ini atau bulan lalu', { exact: false }).waitFor();

  await page.getByTestId('claim-period').fill(period);
  await page.getByRole('button', { name: 'Simpan' }).click();
  await notified(page, 'Klaim tali asih dibuka');
  const claimId = `tali-asih-${account.id}-${period}`;
  await page.waitForURL((url) => url.hash.startsWith(`#/claims/${encodeURIComponent(claimId)}/show`) || url.hash.startsWith(`#/claims/${claimId}/show`));
  await page.getByTestId('claim-heading').getByText(`Sri Wahyuni (TKSK uji) · ${period}`).waitFor();

  // A second claim for the month is not an error: the existing one is opened.
  await page.getByRole('menuitem', { name: 'Klaim tali asih' }).click();
  await page.getByTestId('claim-create').click();
  await page.getByTestId('claim-period').fill(period);
  await page.getByRole('button', { name: 'Simpan' }).click();
  await notified(page, `periode ${period} sudah ada`);
  await page.getByTestId('claim-heading').getByText(`Sri Wahyuni (TKSK uji) · ${period}`).waitFor();

  // The report task: period, amount, components and the month's activity, in words.
  await page.getByTestId('claim-decision').getByRole('link', { name: 'Buka tugas' }).click();
  const summary = page.getByTestId('claim-summary');
  await summary.waitFor();
  const [y, m] = period.split('-').map(Number);
  const monthName = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
  await summary.getByTestId('summary-period').getByText(monthName).waitFor();
  await summary
    .getByTestId('summary-total')
    .filter({ hasText: /^Rp\s1\.000\.000$/ })
    .waitFor();
  await summary.getByTestId('summary-components').getByText('Tali asih bulanan').waitFor();
  await summary.getByTestId('summary-activity').getByText('Kasus didaftarkan').waitFor();
  await summary.getByTestId('summary-activity').getByText('Kunjungan pendampingan').waitFor();
  await page.getByTestId('complete-task').waitFor();
  await shot(page, 'tali-asih-report-summary');
  await page.context().close();
});
