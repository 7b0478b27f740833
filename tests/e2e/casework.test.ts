// One case through its whole process, entirely in the portal: the TKSK registers it and fills the
// assessment, the supervisor returns it with a reason, the TKSK corrects it, the supervisor
// approves, the TKSK visits and refers, records the referral as served, proposes closure, and the
// supervisor approves the closure. The API is only read, to check the state after each step.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { asesmenData, call, login, registration } from '../support/stack';
import {
  apiCase,
  choose,
  fillAssessment,
  fillDate,
  fillRegistration,
  fillVisit,
  findTask,
  freshNik,
  go,
  notified,
  openTask,
  shot,
  signIn,
  todayWib,
  uniqueName,
} from './portal';

let browser: Browser;
let tksk: Page;
let supervisor: Page;

beforeAll(async () => {
  browser = await launchChromium();
  [tksk, supervisor] = await Promise.all([signIn(browser, 'tksk1'), signIn(browser, 'supervisor1')]);
});
afterAll(() => browser?.close());

/** Poll the API until the case satisfies `check` (the projection follows the workflow). */
async function until(caseId: string, check: (c: any) => boolean, what: string): Promise<any> {
  const deadline = Date.now() + 20_000;
  let last: any;
  while (Date.now() < deadline) {
    last = await apiCase('supervisor1', caseId);
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`case ${caseId} never reached: ${what}; last status ${last?.status}`);
}

const completeButton = (page: Page) => page.getByRole('button', { name: 'Selesaikan' });

/** A case of tksk1 registered through the API (setup only: registration in the portal is tested above), open on the supervisor's screen. */
async function caseOpenedBySupervisor(firstName: string): Promise<{ caseId: string; name: string }> {
  const name = uniqueName(firstName);
  const created = await call('POST', '/api/cases', {
    token: await login('tksk1'),
    body: registration({ beneficiary: { ...registration().beneficiary, nik: freshNik(), name } }),
  });
  expect(created.status).toBe(201);
  const caseId = created.body.id as string;
  await go(supervisor, `/cases/${caseId}/show`);
  await supervisor.getByTestId('case-heading').getByText(name).waitFor();
  return { caseId, name };
}

test('a case from registration to closure approval, through the portal only', async () => {
  const name = uniqueName('Siti Aminah');

  // 1. Registration by the TKSK, from the menu.
  await fillRegistration(tksk, {
    name,
    address: 'Jl. Diponegoro 12, RT 02/RW 05',
    desaCode: '33.73.01.1001',
    summary: 'Lansia tinggal sendiri, tidak ada keluarga yang merawat.',
    consentGivenBy: name,
  });
  await shot(tksk, 'register-case');
  await tksk.getByRole('button', { name: 'Simpan' }).click();
  await tksk.waitForURL(/#\/cases\/[0-9a-f-]{36}\/show/, { timeout: 30_000 });
  const caseId = /#\/cases\/([0-9a-f-]{36})\/show/.exec(tksk.url())![1];
  await tksk.getByTestId('step-assessment').and(tksk.locator('[data-current="true"]')).waitFor();
  expect((await apiCase('supervisor1', caseId)).status).toBe('assessment');

  // 2. The case page leads to the assessment, whose form opens empty; the TKSK fills it in. A
  // value that passes the browser's checks but not the server's ("  ab  " is trimmed to 2
  // characters) comes back on its field.
  await tksk.getByTestId('case-next-task').click();
  await tksk.getByTestId('task-heading').getByText('Asesmen').waitFor();
  const firstNeed = tksk.locator('input[name="data.needs.0"]');
  await fillAssessment(tksk, {
    needs: ['  ab  ', 'Pemeriksaan kesehatan rutin'],
    riskLevel: 'Tinggi',
    planGoals: ['Terdaftar sebagai penerima bantuan pangan'],
    visitCadenceDays: 14,
  });
  await completeButton(tksk).click();
  await tksk.getByTestId('server-errors').waitFor();
  await expect(firstNeed.getAttribute('aria-invalid')).resolves.toBe('true');
  // The server's zod message, worded in Bahasa Indonesia.
  await tksk
    .getByTestId('server-errors')
    .getByText(/Minimal \d+ karakter/)
    .waitFor();
  await shot(tksk, 'task-form-server-error');
  await firstNeed.fill('Kebutuhan makan harian');
  await completeButton(tksk).click();
  await notified(tksk, 'Tugas diselesaikan');
  // What happens next, and who acts: the kabupaten supervisor.
  await tksk
    .getByTestId('next-step')
    .getByText('Menunggu Persetujuan asesmen oleh Supervisor Dinas Sosial Kabupaten/Kota, wilayah Kota Salatiga (33.73).')
    .waitFor();
  await tksk.getByTestId('next-step').getByText('Asesmen terkirim.').waitFor();
  await until(caseId, (c) => c.status === 'assessment_review', 'assessment_review');

  // 3. The supervisor returns it from the inbox, with a reason (required, ≥ 5 characters).
  await supervisor.getByRole('menuitem', { name: 'Kotak masuk' }).click();
  await openTask(supervisor, name, 'Persetujuan asesmen');
  await supervisor.getByTestId('approval-buttons').getByRole('button', { name: 'Kembalikan' }).click();
  const dialog = supervisor.getByTestId('dialog-return');
  await dialog.getByRole('button', { name: 'Kembalikan' }).click();
  await dialog.getByText('Wajib diisi').waitFor();
  await dialog.getByLabel(/Alasan/).fill('Rinci');
  await dialog.getByRole('button', { name: 'Kembalikan' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
  await until(caseId, (c) => c.status === 'assessment', 'back to assessment');

  // 4. The TKSK sees it marked in the list, why on top of the task, the form starting from what was
  // sent, and sends it again.
  await (await findTask(tksk, name, 'Asesmen')).getByTestId('chip-returned').waitFor();
  await openTask(tksk, name, 'Asesmen');
  await tksk.getByTestId('return-notes').getByText('Rinci').waitFor();
  await expect(tksk.locator('input[name="data.needs.0"]').inputValue()).resolves.toBe('Kebutuhan makan harian');
  await expect(tksk.locator('input[name="data.needs.1"]').inputValue()).resolves.toBe('Pemeriksaan kesehatan rutin');
  await tksk.getByLabel(/Jarak kunjungan/).fill('7');
  await completeButton(tksk).click();
  await notified(tksk, 'Tugas diselesaikan');
  await until(caseId, (c) => c.status === 'assessment_review', 'assessment_review again');

  // 5. Approval.
  await openTask(supervisor, name, 'Persetujuan asesmen');
  await shot(supervisor, 'approval-task');
  await supervisor.getByTestId('approval-buttons').getByRole('button', { name: 'Setujui' }).click();
  await notified(supervisor, 'Disetujui');
  await supervisor.getByTestId('next-step').getByText('Menunggu Kunjungan pendampingan oleh TKSK, wilayah Sidorejo (33.73.01).').waitFor();
  await until(caseId, (c) => c.status === 'pendampingan', 'pendampingan');

  // 6. A visit that refers the person to a puskesmas (the referral fieldset).
  await openTask(tksk, name, 'Kunjungan pendampingan');
  await fillVisit(tksk, { outcome: 'Rujuk', observations: 'Tekanan darah tinggi, perlu pemeriksaan.' });
  await tksk.getByTestId('fieldset-data.referral').waitFor();
  await choose(tksk, /Jenis tujuan rujukan/, 'Puskesmas/rumah sakit');
  await tksk.getByLabel(/Nama lembaga tujuan/).fill('Puskesmas Sidorejo Lor');
  await tksk
    .getByTestId('fieldset-data.referral')
    .getByLabel(/Alasan/)
    .fill('Hipertensi tidak terkontrol');
  await choose(tksk, /Urgensi/, 'Tinggi');
  await shot(tksk, 'visit-refer-form', { doc: true, top: tksk.getByTestId('complete-task') });
  await completeButton(tksk).click();
  await notified(tksk, 'Tugas diselesaikan');
  const referred = await until(caseId, (c) => c.referrals?.length === 1, 'one referral');
  expect(referred.referrals[0]).toMatchObject({ institutionName: 'Puskesmas Sidorejo Lor', urgency: 'tinggi', status: 'open' });

  // 7. Referral feedback: served.
  await openTask(tksk, name, 'Umpan balik rujukan');
  await tksk.getByRole('radio', { name: 'Terlayani', exact: true }).check();
  await fillDate(tksk, 'data.acknowledgedAt', todayWib());
  await tksk.getByLabel(/Hasil layanan/).fill('Diperiksa dokter dan mendapat obat hipertensi.');
  await completeButton(tksk).click();
  await notified(tksk, 'Tugas diselesaikan');
  await until(caseId, (c) => c.referrals?.[0]?.status === 'served', 'referral served');

  // 8. A visit proposing closure.
  await openTask(tksk, name, 'Kunjungan pendampingan');
  await fillVisit(tksk, { outcome: 'Usulkan terminasi', observations: 'Semua tujuan rencana intervensi tercapai.' });
  await choose(tksk, /Alasan terminasi/, 'Tujuan tercapai');
  await completeButton(tksk).click();
  await notified(tksk, 'Tugas diselesaikan');
  await until(caseId, (c) => c.status === 'closure_review', 'closure_review');

  // 9. Closure approval: the inbox row has no decision buttons; the supervisor opens it.
  const row = await findTask(supervisor, name, 'Persetujuan terminasi');
  await shot(supervisor, 'inbox', { doc: true });
  await expect(row.getByRole('button', { name: 'Setujui' }).count()).resolves.toBe(0);
  await openTask(supervisor, name, 'Persetujuan terminasi');
  await supervisor.getByTestId('handed-over-closure').waitFor();
  await supervisor.getByTestId('approval-buttons').getByRole('button', { name: 'Setujui' }).click();
  await notified(supervisor, 'Disetujui');
  await until(caseId, (c) => c.status === 'aftercare', 'aftercare');

  // The case page: lifecycle at Bimbingan lanjut, referral served, the timeline in Indonesian.
  await go(supervisor, `/cases/${caseId}/show`);
  await supervisor.getByTestId('step-aftercare').and(supervisor.locator('[data-current="true"]')).waitFor({ timeout: 20_000 });
  await shot(supervisor, 'case-page');
  await supervisor.getByRole('tab', { name: 'Rujukan' }).click();
  await supervisor.getByText('Puskesmas Sidorejo Lor').waitFor();
  await supervisor.getByText('Terlayani').first().waitFor();
  await supervisor.getByRole('tab', { name: 'Linimasa' }).click();
  const timeline = supervisor.getByTestId('timeline');
  await timeline.getByText(/mengembalikan persetujuan asesmen: "Rinci"/).waitFor();
  await timeline.getByText(/menyetujui persetujuan terminasi/).waitFor();
  await shot(supervisor, 'case-timeline', { doc: true });
});

test('a supervisor pauses and resumes a case and adds a note through the dialogs', async () => {
  await tksk.reload();
  const { caseId } = await caseOpenedBySupervisor('Sri Wahyuni');
  await supervisor.getByTestId('intervention-pause').click();
  const pause = supervisor.getByTestId('dialog-pause');
  await pause.getByLabel(/Alasan/).fill('abc');
  await pause.getByRole('button', { name: 'Jeda' }).click();
  await pause.getByText('Minimal 5 karakter').waitFor();
  await pause.getByLabel(/Alasan/).fill('Penerima manfaat dirawat inap di rumah sakit.');
  await pause.getByRole('button', { name: 'Jeda' }).click();
  await supervisor.getByTestId('chip-paused').waitFor({ timeout: 30_000 });
  expect((await apiCase('supervisor1', caseId)).paused).toBe(true);
  await shot(supervisor, 'case-paused');

  // The TKSK sees the case paused too.
  await go(tksk, `/cases/${caseId}/show`);
  await tksk.getByTestId('chip-paused').waitFor();
  await expect(tksk.getByTestId('intervention-pause').count()).resolves.toBe(0);

  await supervisor.getByTestId('intervention-resume').click();
  const resume = supervisor.getByTestId('dialog-resume');
  await resume.getByLabel(/Alasan/).fill('Penerima manfaat sudah pulang.');
  await resume.getByRole('button', { name: 'Lanjutkan' }).click();
  await supervisor.getByTestId('chip-paused').waitFor({ state: 'detached', timeout: 30_000 });
  expect((await apiCase('supervisor1', caseId)).paused).toBe(false);

  // The case's own TKSK may add a note.
  await tksk.reload();
  await tksk.getByTestId('intervention-note').click();
  const note = tksk.getByTestId('dialog-note');
  await note.getByLabel(/Catatan/).fill('Koordinasi dengan puskesmas lewat telepon.');
  await note.getByRole('button', { name: 'Tambah catatan' }).click();
  await notified(tksk, 'Catatan ditambahkan');

  await supervisor.getByRole('tab', { name: 'Linimasa' }).click();
  const timeline = supervisor.getByTestId('timeline');
  await timeline.getByText(/menjeda kasus: "Penerima manfaat dirawat inap/).waitFor();
  await timeline.getByText(/melanjutkan kasus/).waitFor();
  await timeline.getByText(/menambahkan catatan: "Koordinasi dengan puskesmas/).waitFor();
  // English follows the locale switch.
  await supervisor.getByRole('button', { name: /Bahasa Indonesia/i }).click();
  await supervisor.getByRole('menuitem', { name: 'English' }).click();
  await supervisor
    .getByTestId('timeline')
    .getByText(/paused the case/)
    .waitFor();
  await supervisor.getByRole('button', { name: /English/i }).click();
  await supervisor.getByRole('menuitem', { name: 'Bahasa Indonesia' }).click();
});

test('reassignment picks a TKSK by name: one case, then every case of that TKSK back at once', async () => {
  // One case: only active TKSK of the case's kecamatan are offered (not Tingkir's).
  const { caseId } = await caseOpenedBySupervisor('Tri Handayani');
  await supervisor.getByTestId('intervention-reassign').click();
  const single = supervisor.getByTestId('dialog-reassign');
  const to = single.getByLabel(/Alihkan ke TKSK/);
  await to.fill('Rina');
  await supervisor.getByText('Tidak ada TKSK aktif yang cocok di wilayah ini').waitFor();
  await expect(supervisor.getByRole('option', { name: /Rina Wulandari/ }).count()).resolves.toBe(0);
  await to.fill('Joko');
  await supervisor.getByRole('option', { name: /Joko Susilo .*tksk3 · 33\.73\.01/ }).click();
  await single.getByLabel(/Alasan/).fill('TKSK Sidorejo cuti melahirkan tiga bulan.');
  await shot(supervisor, 'reassign-picker');
  await single.getByRole('button', { name: 'Alihkan' }).click();
  await notified(supervisor, 'Kasus dialihkan');
  await until(caseId, (c) => c.assigneeId === 'usr_tksk3', 'assigned to tksk3');

  // Every open case of tksk3 back to tksk1, from the case list.
  await supervisor.getByRole('menuitem', { name: 'Kasus' }).click();
  await supervisor.getByTestId('bulk-reassign').click();
  const bulk = supervisor.getByTestId('dialog-bulk-reassign');
  await bulk.getByLabel(/TKSK yang berhenti/).fill('Joko');
  await supervisor.getByRole('option', { name: /Joko Susilo/ }).click();
  await bulk.getByLabel(/Alihkan ke TKSK/).fill('Budi');
  await supervisor.getByRole('option', { name: /Budi Santoso/ }).click();
  await bulk.getByLabel(/Alasan/).fill('Masa cuti TKSK Sidorejo sudah selesai.');
  await bulk.getByRole('button', { name: 'Alihkan semua kasus TKSK' }).click();
  await notified(supervisor, /Pengalihan massal dimulai: \d+ kasus/);
  await until(caseId, (c) => c.assigneeId === 'usr_tksk1', 'back with tksk1');
});

test('four-eyes: a cancellation waits for a second supervisor, who confirms it', async () => {
  const admin = await login('admin');
  const setPolicy = (value: boolean) =>
    call('PUT', '/api/admin/case-policies', { token: admin, body: { key: 'confirm_destructive', regionCode: '33.73.02', value } });
  expect((await setPolicy(true)).status).toBe(200);
  const second = await signIn(browser, 'supervisor2');
  try {
    const name = uniqueName('Rina Kartika');
    const base = registration().beneficiary;
    const created = await call('POST', '/api/cases', {
      token: await login('tksk2'),
      body: registration({ beneficiary: { ...base, nik: `337302${freshNik().slice(6)}`, name, desaCode: '33.73.02.1001' } }),
    });
    expect(created.status).toBe(201);
    const caseId = created.body.id as string;

    await go(supervisor, `/cases/${caseId}/show`);
    await supervisor.getByTestId('intervention-cancel').click();
    const cancel = supervisor.getByTestId('dialog-cancel');
    await cancel.getByLabel(/Alasan/).fill('Kasus ganda dengan registrasi sebelumnya.');
    await cancel.getByRole('button', { name: 'Batalkan kasus' }).click();
    await notified(supervisor, 'Menunggu konfirmasi supervisor kedua');
    const pending = supervisor.getByTestId('pending-intervention');
    await pending.getByText(/supervisor lain harus mengonfirmasi/i).waitFor();
    await expect(pending.getByRole('button', { name: 'Konfirmasi' }).count()).resolves.toBe(0);
    expect((await apiCase('supervisor1', caseId)).status).not.toBe('cancelled');

    await go(second, `/cases/${caseId}/show`);
    await second.getByTestId('pending-intervention').getByRole('button', { name: 'Konfirmasi' }).click();
    await second.getByTestId('chip-cancelled').waitFor({ timeout: 30_000 });
    expect((await apiCase('supervisor1', caseId)).status).toBe('cancelled');
    await expect(second.getByTestId('interventions').getByRole('button', { name: 'Jeda' }).count()).resolves.toBe(0);
  } finally {
    await setPolicy(false);
    await second.context().close();
  }
});

test('bulk approval: the supervisor selects two assessments and approves them at once', async () => {
  const token = await login('tksk1');
  const names = [uniqueName('Massal Satu'), uniqueName('Massal Dua')];
  const ids: string[] = [];
  for (const name of names) {
    const created = await call('POST', '/api/cases', { token, body: registration({ beneficiary: { ...registration().beneficiary, nik: freshNik(), name } }) });
    expect(created.status).toBe(201);
    const asesmen = (await call('GET', `/api/cases/${created.body.id}`, { token })).body.openTasks[0].id;
    expect((await call('POST', `/api/tasks/${asesmen}/complete`, { token, body: { data: asesmenData } })).status).toBe(200);
    ids.push(created.body.id);
  }

  for (const name of names) {
    const row = await findTask(supervisor, name, 'Persetujuan asesmen');
    await row.getByRole('checkbox').check();
  }
  await supervisor.getByTestId('bulk-approve').click();
  // Nothing is approved before the confirmation has listed what will be.
  const confirm = supervisor.getByTestId('bulk-confirm');
  for (const name of names) await confirm.getByTestId('bulk-confirm-item').filter({ hasText: name }).waitFor();
  for (const id of ids) expect((await apiCase('supervisor1', id)).status).toBe('assessment_review');
  await confirm.getByTestId('bulk-approve-confirm').click();
  const results = supervisor.getByTestId('bulk-results');
  await results.getByText('2 disetujui, 0 gagal').waitFor({ timeout: 30_000 });
  await shot(supervisor, 'bulk-approval');
  await results.getByRole('button', { name: 'Tutup' }).click();
  for (const id of ids) expect((await apiCase('supervisor1', id)).status).toBe('pendampingan');
});

test('the overdue board lists a late task with its "Terlambat" badge', async () => {
  const admin = await login('admin');
  const sla = (duePeriod: string, workingDays: boolean) =>
    call('PUT', '/api/admin/sla-policies', { token: admin, body: { taskType: 'asesmen', regionCode: '33.73.02', duePeriod, workingDays } });
  expect((await sla('PT2S', false)).status).toBe(200);
  const name = uniqueName('Telat Tingkir');
  try {
    const created = await call('POST', '/api/cases', {
      token: await login('tksk2'),
      body: registration({ beneficiary: { ...registration().beneficiary, nik: `337302${freshNik().slice(6)}`, name, desaCode: '33.73.02.1001' } }),
    });
    expect(created.status).toBe(201);
  } finally {
    expect((await sla('P7D', true)).status).toBe(200);
  }

  await supervisor.getByRole('menuitem', { name: 'Terlambat' }).click();
  const row = supervisor
    .locator('tbody tr')
    .filter({ hasText: name })
    .filter({ has: supervisor.getByText('Asesmen', { exact: true }) });
  for (let i = 0; i < 10 && !(await row.first().isVisible()); i++) {
    await supervisor.waitForTimeout(1_000);
    await supervisor.getByRole('button', { name: 'Muat ulang' }).first().click();
  }
  await row.first().getByText('Terlambat').waitFor({ timeout: 10_000 });
  await shot(supervisor, 'overdue-board-late');
});

test('registering a person who has an open case in another category says so, naming the category', async () => {
  const nik = freshNik();
  const first = await call('POST', '/api/cases', {
    token: await login('tksk1'),
    body: registration({ pmksCode: 'FM', beneficiary: { ...registration().beneficiary, nik } }),
  });
  expect(first.status).toBe(201);
  await fillRegistration(tksk, {
    nik,
    name: uniqueName('Warsini'),
    address: 'Jl. Kartini 3',
    desaCode: '33.73.01.1001',
    summary: 'Lansia tinggal sendiri, juga tercatat sebagai fakir miskin.',
  });
  await tksk.getByRole('button', { name: 'Simpan' }).click();
  await tksk.getByText('Kasus tercatat. Perhatian: orang ini juga punya kasus terbuka di kategori Fakir Miskin.').waitFor();
  await tksk.waitForURL(/#\/cases\/[0-9a-f-]{36}\/show/, { timeout: 30_000 });
});
