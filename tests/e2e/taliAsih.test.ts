// Tali asih in the portal: the provinsi supervisor finds a period's claims with their total in
// rupiah, approves one from the claim page, sets the budget it waits for, sees the period
// reconcile once it is paid and downloads the claims CSV. The claims are opened and walked to the
// province's step through the API as the earlier roles (the TKSK report and the kabupaten
// verification have their own screens, tested elsewhere). Auditors and kabupaten supervisors read.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { call, login } from '../support/stack';
import { completeOk, waitUntil } from '../support/taliAsih';
import { go, listFilteredTo, menuTexts, MENUS, notified, shot, signIn, waitForOrDescribe } from './portal';

// A period no other test uses: one claim per TKSK and period, and the test stack is shared. Not
// one of the six months up to today either: the demo's claims (infra/demoCasework.ts) take those,
// one of them waiting for a budget this test would otherwise give it. tksk1's BSP/Sembako
// assignment starts in 2026-01.
const PERIOD = '2026-01';
const CLAIM = `tali-asih-usr_tksk1-${PERIOD}`; // base Rp 1.000.000 + BSP/Sembako Rp 500.000
const OTHER = `tali-asih-usr_tksk3-${PERIOD}`; // base Rp 1.000.000, left at the TKSK's report
/** A budget period only the reading test uses (APBD: the demo's claims are APBN). */
const READ_PERIOD = '2026-10';

let browser: Browser;
let page: Page;

const claimStatus = async (id: string) => (await call('GET', `/api/tali-asih/claims/${id}`, { token: await login('provinsi1') })).body.status as string;

beforeAll(async () => {
  browser = await launchChromium();
  for (const [user, body] of [
    ['supervisor1', { period: PERIOD, tkskId: 'usr_tksk1' }], // past periods are the supervisor's backfill
    ['supervisor1', { period: PERIOD, tkskId: 'usr_tksk3' }],
  ] as const) {
    const r = await call('POST', '/api/tali-asih/claims', { token: await login(user), body });
    expect(r.status).toBe(201);
  }
  await completeOk(CLAIM, 'tali_asih_report', 'tksk1', { data: { narrative: 'Bulan September: empat kunjungan lansia dan satu rujukan ke puskesmas.' } });
  await completeOk(CLAIM, 'tali_asih_verification', 'supervisor1', { outcome: 'approve', data: {} });
  page = await signIn(browser, 'provinsi1');
});
afterAll(() => browser?.close());

/** The claims list filtered to the test's period: its two claims and nothing else. */
async function claimsOfPeriod(p: Page): Promise<void> {
  await p.getByRole('menuitem', { name: 'Klaim tali asih' }).click();
  await p.getByLabel('Periode', { exact: true }).fill(PERIOD);
  // Earlier suites leave claims of other periods: until the filtered answer arrives their rows are
  // still on screen, and until the debounced filter reaches the URL a click away is undone.
  await listFilteredTo(p, PERIOD, PERIOD, 2);
}

test('the provinsi supervisor approves a claim, funds it, reconciles the period and exports the CSV', async () => {
  expect(await menuTexts(page)).toEqual(MENUS.provinsi1);

  // 1. The period's claims and their total: Rp 1.500.000 + Rp 1.000.000.
  await claimsOfPeriod(page);
  await page
    .getByTestId('claims-total-amount')
    .filter({ hasText: /^Rp\s2\.500\.000$/ })
    .waitFor();
  await page.getByTestId('claims-total').getByText('Total 2 klaim sesuai filter').waitFor();
  await shot(page, 'tali-asih-claims', { doc: true });

  // 2. The claim page: components, the history so far, and the decision on the open approval.
  await page.locator('tbody tr').filter({ hasText: 'Budi Santoso' }).click();
  await page.waitForURL(new RegExp(`#/claims/${CLAIM}/show`));
  await page
    .getByTestId('claim-total')
    .filter({ hasText: /^Rp\s1\.500\.000$/ })
    .waitFor();
  await page
    .getByTestId('component-bsp_sembako')
    .getByText(/Rp\s500\.000/)
    .waitFor();
  await page.getByTestId('claim-history').getByText('Verifikasi tali asih: Setujui oleh Dewi Lestari (Dinsos Kota Salatiga)').waitFor();
  const decision = page.getByTestId('claim-decision');
  await decision.getByText('Langkah sekarang: Persetujuan tali asih (Supervisor Dinas Sosial Provinsi).').waitFor();
  // A return needs a reason; cancelling the dialog leaves the claim where it is.
  await decision.getByRole('button', { name: 'Kembalikan' }).click();
  const dialog = page.getByTestId('dialog-return');
  await dialog.getByRole('button', { name: 'Kembalikan' }).click();
  await dialog.getByText('Wajib diisi').waitFor();
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await shot(page, 'tali-asih-claim', { doc: true });
  await decision.getByRole('button', { name: 'Setujui' }).click();
  await notified(page, 'Klaim disetujui');
  // No budget for the period yet: approved, waiting for one.
  await waitUntil('claim awaiting budget', async () => (await claimStatus(CLAIM)) === 'awaiting_budget');
  await page.getByTestId('claim-status').filter({ hasText: 'Menunggu anggaran' }).waitFor({ timeout: 15_000 });
  await expect(page.getByTestId('claim-decision').count()).resolves.toBe(0);

  // 3. The budget: created, and the waiting claim is paid at once; then raised.
  await page.getByRole('menuitem', { name: 'Anggaran tali asih' }).click();
  await page.getByRole('link', { name: 'Buat' }).click();
  // The list's own Periode filter may still be on screen for a moment: wait for the form.
  await page.getByLabel(/^Alokasi/).waitFor();
  await page.getByLabel(/^Periode/).fill(PERIOD);
  // Typed the Indonesian way: the dots group thousands (a number input made 2.500.000 into 2.5).
  await page.getByLabel(/^Alokasi/).fill('2.500.000');
  await page.getByText(/= Rp\s2\.500\.000/).waitFor();
  await page.getByLabel(/^Alokasi/).fill('5.000.000');
  await page.getByText(/= Rp\s5\.000\.000/).waitFor();
  await page.getByRole('button', { name: 'Simpan' }).click();
  const row = page.locator('tbody tr').filter({ hasText: PERIOD }).filter({ hasText: 'APBN' });
  await row
    .getByText(/^Rp\s5\.000\.000$/)
    .first()
    .waitFor();
  await waitUntil('claim paid', async () => (await claimStatus(CLAIM)) === 'paid', 60_000);
  await page.getByRole('button', { name: 'Muat ulang' }).first().click();
  await row.getByText(/^Rp\s3\.500\.000$/).waitFor(); // available = 5.000.000 − 1.500.000 paid
  // The edit form shows the listed record at once and is reset when the API's copy arrives.
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/tali-asih/budgets?') && decodeURIComponent(r.url()).includes('"fundingSource":"APBN"')),
    row.getByRole('link', { name: 'Ubah' }).click(),
  ]);
  await page.getByLabel(/^Alokasi/).fill('Rp 6.000.000');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await row
    .getByText(/^Rp\s6\.000\.000$/)
    .first()
    .waitFor();
  await shot(page, 'tali-asih-budgets');
  const [budget] = (
    await call('GET', `/api/tali-asih/budgets?filter=${encodeURIComponent(JSON.stringify({ period: PERIOD }))}`, { token: await login('provinsi1') })
  ).body;
  expect(budget).toMatchObject({ allocated: 6_000_000, reserved: 0, paid: 1_500_000, available: 4_500_000 });

  // 4. Reconciliation of the period: approved = paid + pending, the budget agrees.
  await page.getByRole('menuitem', { name: 'Rekonsiliasi' }).click();
  await page.getByTestId('reconciliation-period').fill(PERIOD);
  // The row of this period: the current month's may still be on screen until the new query answers.
  const rec = page.locator(`[data-testid="reconciliation-row"][data-period="${PERIOD}"]`).filter({ hasText: '33' });
  await rec.waitFor();
  expect(await rec.getAttribute('data-balanced')).toBe('true');
  expect(await rec.getAttribute('data-budget-ok')).toBe('true');
  expect(await rec.getByTestId('rec-approved').innerText()).toMatch(/^Rp\s1\.500\.000$/);
  expect(await rec.getByTestId('rec-paid').innerText()).toMatch(/^Rp\s1\.500\.000$/);
  await shot(page, 'tali-asih-reconciliation', { doc: true });

  // The dashboard charts the period's stipends.
  await page.getByRole('menuitem', { name: 'Dasbor' }).click();
  await page.getByTestId('chart-stipend').getByText(PERIOD).waitFor();
  await shot(page, 'dashboard-stipends');

  // 5. The claims CSV of the filter, from the server: for a spreadsheet with Indonesian settings
  // (BOM, `;`, Indonesian headers and status words, local times).
  await claimsOfPeriod(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const file = fs.readFileSync((await download.path())!);
  expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])); // the BOM: Excel reads UTF-8 only with it
  const csv = file.subarray(3).toString('utf8').trimEnd().split('\r\n');
  expect(csv[0]).toBe(
    '"ID klaim";"TKSK";"Periode";"Status";"Kode kecamatan";"Sumber dana";"Jumlah (Rp)";"Dibayar (Rp)";"Alasan penolakan/pembatalan";"Dibuka";"Diperbarui"',
  );
  const rows = csv.slice(1).sort();
  expect(rows.map((r) => r.split(';').slice(0, 9).join(';'))).toEqual([
    `"${CLAIM}";"Budi Santoso (TKSK Sidorejo)";"${PERIOD}";"Dibayar";"33.73.01";"APBN";1500000;1500000;""`,
    `"${OTHER}";"Joko Susilo (TKSK pengganti Sidorejo)";"${PERIOD}";"Laporan TKSK";"33.73.01";"APBN";1000000;0;""`,
  ]);
  for (const r of rows)
    expect(r.split(';').slice(9)).toEqual([expect.stringMatching(/^"\d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB"$/), expect.stringMatching(/ WIB"$/)]);
});

test('auditors and kabupaten supervisors read claims and budgets without deciding or changing them', async () => {
  // A budget of its own, so this test does not depend on the one above having created one.
  const budget = await call('PUT', '/api/tali-asih/budgets', {
    token: await login('provinsi1'),
    body: { period: READ_PERIOD, fundingSource: 'APBD', allocated: 2_000_000 },
  });
  expect(budget.status).toBe(200);
  for (const user of ['auditor1', 'supervisor1']) {
    const reader = await signIn(browser, user);
    await claimsOfPeriod(reader);
    await go(reader, `/claims/${OTHER}/show`);
    await waitForOrDescribe(
      reader,
      reader.getByTestId('claim-decision').getByText(/Langkah sekarang: Laporan tali asih \(TKSK\)/),
      `${user}: the claim's open step`,
    );
    for (const name of ['Setujui', 'Kembalikan', 'Tolak', 'Buka tugas'])
      await expect(reader.getByRole('button', { name }).or(reader.getByRole('link', { name })).count()).resolves.toBe(0);
    await reader.getByRole('menuitem', { name: 'Anggaran tali asih' }).click();
    await reader.locator('tbody tr').filter({ hasText: READ_PERIOD }).filter({ hasText: 'APBD' }).first().waitFor();
    await expect(reader.getByRole('link', { name: 'Buat' }).count()).resolves.toBe(0);
    await expect(reader.getByRole('link', { name: 'Ubah' }).count()).resolves.toBe(0);
    await reader.context().close();
  }
});
