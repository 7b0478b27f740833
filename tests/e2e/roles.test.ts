// Who sees what in the portal: each demo role's menu; the auditor verifies the audit chain,
// exports CSV and has no action buttons; a TKSK never sees approval controls nor another
// kecamatan's cases; the admin manages users and sees no case data.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { asesmenData, call, login, registration } from '../support/stack';
import { downloadCsv, freshNik, go, listFilteredTo, menuTexts, MENUS, notified, settled, shot, signIn, switchUser, uniqueName } from './portal';

let browser: Browser;
let menuPage: Page | undefined;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** A case registered (and optionally assessed) through the API, as setup. */
async function seedCase(username: 'tksk1' | 'tksk2', name: string, assess = false): Promise<{ caseId: string; approvalTaskId?: string }> {
  const token = await login(username);
  const base = registration().beneficiary;
  const beneficiary =
    username === 'tksk1' ? { ...base, nik: freshNik(), name } : { ...base, nik: `337302${freshNik().slice(6)}`, name, desaCode: '33.73.02.1001' };
  const created = await call('POST', '/api/cases', { token, body: registration({ beneficiary }) });
  expect(created.status).toBe(201);
  const caseId = created.body.id as string;
  if (!assess) return { caseId };
  const asesmen = created.body.openTasks?.[0]?.id ?? (await call('GET', `/api/cases/${caseId}`, { token })).body.openTasks[0].id;
  const done = await call('POST', `/api/tasks/${asesmen}/complete`, { token, body: { data: asesmenData } });
  expect(done.status).toBe(200);
  const c = await call('GET', `/api/cases/${caseId}`, { token: await login('supervisor1') });
  return { caseId, approvalTaskId: c.body.openTasks.find((t: any) => t.type === 'assessment_approval').id };
}

beforeAll(() => seedCase('tksk1', uniqueName('Menu Dasbor')));

/** One page for every role: sign out and in again (as people sharing an office computer do). */
async function as(user: string): Promise<Page> {
  if (!menuPage) menuPage = await signIn(browser, user);
  else await switchUser(menuPage, user);
  return menuPage;
}

test.each(Object.entries(MENUS))('%s signs in and sees its own menu', async (user, expected) => {
  const page = await as(user);
  expect(await menuTexts(page)).toEqual(expected);
  if (user === 'supervisor1') {
    await page.getByTestId('stat-cases').waitFor();
    await page.getByTestId('chart-pmks').getByText(/LUT/).first().waitFor();
    await shot(page, 'dashboard', { doc: true });
    await page.getByRole('menuitem', { name: 'Terlambat' }).click();
    await page.getByText('Tugas terlambat').first().waitFor();
    await shot(page, 'overdue-board');
  }
});

/** The admin's new-account form, filled (the role by its label); saving is the caller's. */
async function fillNewUser(page: Page, u: { username: string; displayName: string; role: string; regionCode: string }): Promise<void> {
  await go(page, '/users/create');
  await page.getByLabel(/Nama pengguna/).fill(u.username);
  await page.getByLabel(/Nama tampilan/).fill(u.displayName);
  await page.getByRole('combobox', { name: /Peran/ }).click();
  await page.getByRole('option', { name: u.role }).click();
  await page.getByLabel(/Wilayah/).fill(u.regionCode);
  await page.getByLabel(/Kata sandi awal/).fill('sandi-uji-yang-panjang');
}

test('the auditor verifies the chain, exports CSV and has no action buttons', async () => {
  const { caseId, approvalTaskId } = await seedCase('tksk1', uniqueName('Audit Lansia'), true);
  const page = await as('auditor1');

  await page.getByRole('menuitem', { name: 'Log audit' }).click();
  await page.getByTestId('verify-chain').click();
  const result = page.getByTestId('chain-result');
  await result.waitFor({ timeout: 30_000 });
  expect(await result.getAttribute('data-ok')).toBe('true');
  await result.getByText(/Rantai audit utuh/).waitFor();
  // In words, with the anchors kept in Temporal (or that there are none yet: the Schedule is paused in tests).
  await result
    .getByTestId('chain-anchors')
    .getByText(/jangkar di Temporal/)
    .waitFor();
  await shot(page, 'audit-log', { doc: true });

  // CSV of the current filter (this case's rows only), downloaded with the bearer token.
  await page.getByLabel('ID kasus').fill(caseId);
  await listFilteredTo(page, caseId, caseId.slice(0, 8)); // the filter is debounced: wait for it and its answer
  const csv = await downloadCsv(page);
  // For a spreadsheet with Indonesian settings: `;`, Indonesian headers, actions in words (the BOM and CRLF are checked in tests/integration/exports.test.ts).
  const headers = [
    'No. urut',
    'Waktu',
    'Aksi',
    'Kode aksi',
    'Pelaku',
    'Peran pelaku',
    'Jenis data',
    'ID data',
    'ID kasus',
    'Rincian',
    'Hash sebelumnya',
    'Hash',
  ];
  expect(csv[0].trimEnd()).toBe(headers.map((h) => `"${h}"`).join(';'));
  expect(csv.length).toBeGreaterThan(2);
  expect(csv.slice(1).every((line) => line.includes(caseId))).toBe(true);
  expect(csv.some((line) => line.includes(';"Kasus didaftarkan";"case.registered";'))).toBe(true);

  // Read-only case page: no interventions, the raw history viewer is there.
  await go(page, `/cases/${caseId}/show`);
  await page.getByTestId('lifecycle').waitFor();
  await expect(page.getByTestId('interventions').count()).resolves.toBe(0);
  await page.getByRole('tab', { name: 'Riwayat workflow' }).click();
  await page.getByTestId('load-history').click();
  await page.getByTestId('history-event').first().click();
  await page
    .getByText(/WorkflowExecutionStarted/)
    .first()
    .waitFor();
  await expect(page.locator('pre').filter({ hasText: 'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED' }).count()).resolves.toBeGreaterThan(0);

  // Read-only task page: no approval buttons, no completion form.
  await go(page, `/tasks/${approvalTaskId}/show`);
  await page.getByTestId('task-heading').waitFor();
  await page.getByTestId('handed-over-asesmen').waitFor();
  for (const name of ['Setujui', 'Kembalikan', 'Tolak', 'Selesaikan']) await expect(page.getByRole('button', { name }).count()).resolves.toBe(0);
});

test('a TKSK never sees approval controls nor another kecamatan', async () => {
  const own = uniqueName('Sidorejo Warga');
  const other = uniqueName('Tingkir Warga');
  const { caseId, approvalTaskId } = await seedCase('tksk1', own, true);
  const { caseId: otherCaseId } = await seedCase('tksk2', other);
  const page = await as('tksk1');

  await page.getByRole('menuitem', { name: 'Kasus saya' }).click();
  await page.getByText(own).first().waitFor();
  await expect(page.getByText(other).count()).resolves.toBe(0);

  // The other kecamatan's case does not open (404 from the API).
  await go(page, `/cases/${otherCaseId}/show`);
  await notified(page, /tidak|Data tidak ada|no case/i);
  await expect(page.getByText(other).count()).resolves.toBe(0);

  // Own case waiting for approval: no decision buttons on the case page or the task page.
  await go(page, `/cases/${caseId}/show`);
  await page.getByTestId('step-assessment_review').and(page.locator('[data-current="true"]')).waitFor();
  expect(await page.getByTestId('interventions').getByRole('button').allInnerTexts()).toEqual(['TAMBAH CATATAN']);
  // The approval is not the TKSK's task: the API answers 404 and the portal says so.
  await go(page, `/tasks/${approvalTaskId}/show`);
  await notified(page, /tidak|Data tidak ada/i);
  await settled(page);
  for (const name of ['Setujui', 'Kembalikan', 'Tolak']) await expect(page.getByRole('button', { name }).count()).resolves.toBe(0);

  // The task list has no approval rows and no bulk selection.
  await page.getByRole('menuitem', { name: 'Tugas saya' }).click();
  await page.locator('tbody tr, [data-testid="tasks-empty"]').first().waitFor();
  await expect(page.getByText('Persetujuan asesmen', { exact: true }).count()).resolves.toBe(0);
  await expect(page.locator('table').getByRole('checkbox').count()).resolves.toBe(0);
});

test('the admin manages users and sees no case data', async () => {
  const page = await as('admin');
  await page.getByRole('menuitem', { name: 'Pengguna' }).click();
  // Sorted by username: accounts other suites created may push a given one off the first page.
  await page.getByText('admin', { exact: true }).first().waitFor();

  const username = `tksk.e2e.${Math.random().toString(36).slice(2, 7)}`;
  await fillNewUser(page, { username, displayName: 'Wahyu Hidayat (TKSK uji)', role: 'TKSK', regionCode: '33.73.02' });
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.waitForURL((url) => !url.hash.startsWith('#/users/create')); // saved: back on the list
  // The newest first, whatever other suites created before.
  await go(page, '/users?order=DESC&page=1&perPage=25&sort=createdAt');
  await page.getByText(username, { exact: true }).waitFor();
  await shot(page, 'users');

  await page.getByTestId(`toggle-${username}`).click();
  await notified(page, 'Akun dinonaktifkan');
  const users = await call('GET', `/api/admin/users?filter=${encodeURIComponent(JSON.stringify({ role: 'tksk' }))}&range=[0,99]`, {
    token: await login('admin'),
  });
  expect(users.body.find((u: any) => u.username === username)?.disabled).toBe(true);

  // No case resource for the admin.
  await go(page, '/cases');
  await page.getByText('Tidak ditemukan').first().waitFor();
  await expect(page.locator('tbody tr').count()).resolves.toBe(0);
});

test("a supervisor's account waits for a second admin, who confirms it in the portal", async () => {
  const page = await as('admin');
  const username = `supervisor.e2e.${Math.random().toString(36).slice(2, 7)}`;
  await fillNewUser(page, { username, displayName: 'Supervisor Uji Empat Mata', role: 'Supervisor Dinas Sosial Kabupaten/Kota', regionCode: '33.73' });
  await page.getByLabel(/^Alasan/).fill('Pengganti supervisor yang pensiun.');
  await page.getByRole('button', { name: 'Simpan' }).click();
  await notified(page, 'menunggu persetujuan admin kedua');
  // Not an account yet: the request waits above the list, as the requester's own.
  const panel = page.getByTestId('privileged-requests');
  const request = panel.locator('[data-kind="user_create"]').filter({ hasText: username });
  await request.getByTestId('privileged-waiting').waitFor();
  await expect(request.getByRole('button', { name: 'Setujui' }).count()).resolves.toBe(0);
  const users = async () =>
    (await call('GET', `/api/admin/users?range=[0,499]`, { token: await login('admin') })).body.map((u: { username: string }) => u.username);
  expect(await users()).not.toContain(username);

  await switchUser(page, 'admin2');
  await page.getByRole('menuitem', { name: 'Pengguna' }).click();
  const theirs = page.getByTestId('privileged-requests').locator('[data-kind="user_create"]').filter({ hasText: username });
  await theirs.getByText('Pengganti supervisor yang pensiun.').waitFor();
  await shot(page, 'users-four-eyes');
  await theirs.getByRole('button', { name: 'Setujui' }).click();
  await notified(page, 'Permintaan disetujui dan dijalankan');
  // The confirmed request still names the account; the users list's cell is the account itself.
  await page.getByRole('cell', { name: username, exact: true }).waitFor({ timeout: 15_000 });
  expect(await users()).toContain(username);
});
