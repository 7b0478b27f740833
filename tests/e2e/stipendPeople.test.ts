// Tali asih for the people who claim it: a TKSK on a fresh account (no claim yet) opens one for
// the current month from the portal, is told in Indonesian why a future month cannot be claimed
// and is taken to the existing claim on a second try, and sees the period, amount, components and
// the month's activity on the report task instead of a raw technical panel.
import type { Browser, Page } from 'playwright-core';
import { currentPeriod, previousPeriod } from '../../domain/taliAsih';
import { launchChromium } from '../support/chromium';
import { call, createAccount, db, login, stack } from '../support/stack';
import { completeOk, waitUntil } from '../support/taliAsih';
import { go, notified, shot, signIn } from './portal';

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

test('the province cancels a refused payment after reading what happens, and reissues it once the account is fixed', async () => {
  // tksk2's demo account is invalid on purpose; a period no other test uses.
  const period = '2022-03';
  const claimId = `tali-asih-usr_tksk2-${period}`;
  const provinsi = await login('provinsi1');
  expect((await call('PUT', '/api/tali-asih/budgets', { token: provinsi, body: { period, fundingSource: 'APBN', allocated: 5_000_000 } })).status).toBe(200);
  expect((await call('POST', '/api/tali-asih/claims', { token: await login('supervisor1'), body: { period, tkskId: 'usr_tksk2' } })).status).toBe(201);
  await completeOk(claimId, 'tali_asih_report', 'tksk2', { data: { narrative: 'Kegiatan bulan Maret 2022 di kecamatan Tingkir.' } });
  await completeOk(claimId, 'tali_asih_verification', 'supervisor1', { outcome: 'approve', data: {} });
  await completeOk(claimId, 'tali_asih_approval', 'provinsi1', { outcome: 'approve', data: {} });
  const status = async () => (await call('GET', `/api/tali-asih/claims/${claimId}`, { token: provinsi })).body.status as string;

  const page = await signIn(browser, 'provinsi1');
  await waitUntil('payment issue', async () => (await call('GET', `/api/tali-asih/claims/${claimId}`, { token: provinsi })).body.openTasks.length > 0);
  await go(page, `/claims/${claimId}/show`);
  const issue = page.getByTestId('payment-issue-summary');
  await issue
    .getByTestId('summary-failure')
    // The provider's code worded in Bahasa Indonesia, not its English text.
    .getByText(/Nomor rekening tidak ditemukan di bank/)
    .waitFor();
  await issue
    .getByTestId('summary-issue-amount')
    .filter({ hasText: /^Rp\s700\.000$/ })
    .waitFor();
  await issue
    .getByTestId('summary-account')
    .getByText(/^BRI:•+ALID$/)
    .waitFor(); // the account on file, masked
  await issue.getByRole('button', { name: 'Batalkan pembayaran' }).click();
  const dialog = page.getByTestId('dialog-payment-cancel');
  await dialog.getByText('Klaim TIDAK ditolak', { exact: false }).waitFor();
  await dialog.getByLabel(/Alasan/).fill('Rekening belum dapat diperbaiki bulan ini.');
  await dialog.getByRole('button', { name: 'Batalkan pembayaran' }).click();
  await notified(page, 'Pembayaran dibatalkan; klaim dapat diterbitkan ulang');
  const cancelled = page.getByTestId('payment-cancelled');
  await cancelled.getByText('Rekening belum dapat diperbaiki bulan ini.').waitFor();
  expect(await status()).toBe('payment_cancelled');
  await shot(page, 'tali-asih-payment-cancelled');

  // The admin fixes the account; the province reissues.
  expect((await call('PATCH', '/api/admin/users/usr_tksk2', { token: await login('admin'), body: { bankAccount: 'BRI:0033-01-000777-50-2' } })).status).toBe(
    200,
  );
  try {
    await cancelled.getByRole('button', { name: 'Terbitkan ulang pembayaran' }).click();
    const reissue = page.getByTestId('dialog-reissue');
    await reissue.getByLabel(/Catatan/).fill('Nomor rekening sudah diperbaiki oleh admin.');
    await reissue.getByRole('button', { name: 'Terbitkan ulang pembayaran' }).click();
    await notified(page, 'Pembayaran diterbitkan ulang');
    await waitUntil('claim paid', async () => (await status()) === 'paid', 60_000);
  } finally {
    // Back to the demo's invalid account (the API accepts only valid ones).
    const sql = db();
    await sql`UPDATE users SET bank_account = 'BRI:INVALID' WHERE id = 'usr_tksk2'`.finally(() => sql.end());
  }
  await page.context().close();
});
