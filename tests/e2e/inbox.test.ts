// The supervisor's inbox and decisions: it starts on what waits for them, with the other views as
// tabs; rows open by keyboard; a returned task is marked and its reason is on top; a deadline is
// extended by working days with the resulting date shown first; an escalation names its late task
// and links to it.
import type { Browser, Locator, Page } from 'playwright-core';
import { addWorkingDays } from '../../domain/calendar';
import { TASK_TYPE_INFO } from '../../domain/taskTypes';
import { launchChromium } from '../support/chromium';
import { completeOk, openTask as openApiTask, setSla, waitUntil } from '../support/casework';
import { asesmenData, call, db, freshNik, login, registration } from '../support/stack';
import { apiCase, go, notified, signIn, uniqueName } from './portal';

let browser: Browser;
let supervisor: Page;

beforeAll(async () => {
  browser = await launchChromium();
  supervisor = await signIn(browser, 'supervisor1');
});
afterAll(() => browser?.close());

/** A case of tksk1 (Sidorejo) or tksk2 (Tingkir) under a name unique to the run. */
async function caseOf(user: 'tksk1' | 'tksk2', firstName: string): Promise<{ caseId: string; name: string }> {
  const name = uniqueName(firstName);
  const base = registration().beneficiary;
  const beneficiary = user === 'tksk2' ? { ...base, nik: `337302${freshNik().slice(6)}`, name, desaCode: '33.73.02.1001' } : { ...base, name };
  const created = await call('POST', '/api/cases', { token: await login(user), body: registration({ beneficiary }) });
  expect(created.status).toBe(201);
  return { caseId: created.body.id, name };
}

/** The row of this case and task type in the list on screen, reloading the list while the projection catches up. */
async function rowOf(page: Page, name: string, typeLabel: string): Promise<Locator> {
  const row = page
    .locator('tbody tr')
    .filter({ hasText: name })
    .filter({ has: page.getByTestId('task-link').getByText(typeLabel, { exact: true }) })
    .first();
  for (let i = 0; i < 15 && !(await row.isVisible()); i++) {
    await page.getByRole('button', { name: 'Muat ulang' }).first().click();
    await row.waitFor({ timeout: 2_000 }).catch(() => undefined);
  }
  await row.waitFor({ timeout: 5_000 });
  return row;
}

const supervisorTitles = Object.values(TASK_TYPE_INFO)
  .filter((t) => t.role === 'supervisor_kabupaten')
  .map((t) => t.titleId);

test("the supervisor's inbox starts on what waits for them; every task of the region is a tab away; Enter opens a row", async () => {
  const waiting = await caseOf('tksk1', 'Kotak Satu');
  await completeOk(waiting.caseId, 'asesmen', 'tksk1', { data: asesmenData });
  const tksksOwn = await caseOf('tksk1', 'Kotak Dua'); // its asesmen is the TKSK's, not the supervisor's

  await supervisor.getByRole('menuitem', { name: 'Kotak masuk' }).click();
  await expect(supervisor.getByTestId('view-mine').getAttribute('aria-selected')).resolves.toBe('true');
  await rowOf(supervisor, waiting.name, 'Persetujuan asesmen');
  // Only the supervisor's own role's tasks: every row is a supervisor task type, and the TKSK's
  // assessment is not among them.
  const titles = await supervisor.getByTestId('task-link').allInnerTexts();
  expect(titles.filter((t) => !supervisorTitles.includes(t.trim()))).toEqual([]);
  await expect(supervisor.locator('tbody tr').filter({ hasText: tksksOwn.name }).count()).resolves.toBe(0);
  // The same answer from the API the tab asks (simple-rest filter).
  const mine = await call('GET', `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ status: 'open', candidateRole: 'supervisor_kabupaten' }))}`, {
    token: await login('supervisor1'),
  });
  expect([...new Set(mine.body.map((t: { candidateRole: string }) => t.candidateRole))]).toEqual(['supervisor_kabupaten']);

  await supervisor.getByTestId('view-all').click();
  // Every task of the region is many (other tests'), ten to a page: newest first, so the new case's
  // row is on the first page. The list's parameters live in the URL's hash (react-admin): the tab's filter stays, the sort
  // becomes "Dibuat", newest first. A hash change fires no load event, so the URL is polled.
  const urlMatches = async (re: RegExp) => {
    for (let i = 0; i < 100 && !re.test(supervisor.url()); i++) await supervisor.waitForTimeout(100);
    expect(supervisor.url()).toMatch(re);
  };
  await urlMatches(/filter=/);
  await supervisor.evaluate(() => {
    const [path, query = ''] = window.location.hash.split('?');
    const params = new URLSearchParams(query);
    params.set('sort', 'createdAt');
    params.set('order', 'DESC');
    params.set('page', '1');
    window.location.hash = `${path}?${params.toString()}`;
  });
  await urlMatches(/order=DESC/);
  await rowOf(supervisor, tksksOwn.name, 'Asesmen');

  // Keyboard: each row's title is a link in the tab order; Enter opens the task.
  await supervisor.getByTestId('view-mine').click();
  const link = (await rowOf(supervisor, waiting.name, 'Persetujuan asesmen')).getByTestId('task-link');
  await expect(link.evaluate((a) => (a as HTMLAnchorElement).tabIndex)).resolves.toBe(0);
  await link.focus();
  await supervisor.keyboard.press('Enter');
  await supervisor.getByTestId('task-heading').getByText('Persetujuan asesmen').waitFor();
  await supervisor.getByTestId('handed-over-asesmen').waitFor();
});

test('a returned task is marked "Dikembalikan" in the list, and its reason is on top of the task page', async () => {
  const { caseId, name } = await caseOf('tksk1', 'Kembali Tiga');
  await completeOk(caseId, 'asesmen', 'tksk1', { data: asesmenData });
  const reason = 'Tingkat risiko belum dijelaskan dengan rinci.';
  await completeOk(caseId, 'assessment_approval', 'supervisor1', { outcome: 'return', data: { reason } });

  await supervisor.getByRole('menuitem', { name: 'Kotak masuk' }).click();
  await supervisor.getByTestId('view-returned').click();
  const row = await rowOf(supervisor, name, 'Asesmen');
  await row.getByTestId('chip-returned').waitFor();
  await row.getByTestId('task-link').click();
  await supervisor.getByTestId('task-heading').waitFor();
  const notes = supervisor.getByTestId('return-notes');
  await notes.getByText(reason).waitFor();
  // On top: right under the heading, before anything else of the task.
  const [notesTop, detailsTop] = await Promise.all([
    notes.evaluate((e) => e.getBoundingClientRect().top),
    supervisor
      .locator('.RaSimpleShowLayout-root, .ra-field')
      .first()
      .evaluate((e) => e.getBoundingClientRect().top),
  ]);
  expect(notesTop).toBeLessThan(detailsTop);
});

test('a deadline is extended by working days, the resulting date shown before saving', async () => {
  const { caseId } = await caseOf('tksk1', 'Tenggat Empat');
  const task = await openApiTask(caseId, 'asesmen', 'supervisor1');
  // What the extension must give: the same working-day rule over the holidays table, on its own.
  const holidays = new Set((await db()<{ day: string }[]>`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM holidays`).map((r) => r.day));
  const expected = addWorkingDays(new Date(task.dueAt!), 3, holidays).toISOString();

  await go(supervisor, `/cases/${caseId}/show`);
  await supervisor.getByTestId('intervention-extend-deadline').click();
  const dialog = supervisor.getByTestId('dialog-extend-deadline');
  await dialog.getByLabel(/Tambah hari kerja/).fill('3');
  await dialog
    .getByTestId('extended-due')
    .getByText(/3 hari kerja kemudian/)
    .waitFor();
  const preview = await call('GET', `/api/tasks/${task.id}/deadline-extension?workingDays=3`, { token: await login('supervisor1') });
  expect(preview.body).toMatchObject({ taskId: task.id, dueAt: task.dueAt, workingDays: 3, extendedDueAt: expected });
  await dialog.getByLabel(/Alasan/).fill('Akses jalan tertutup banjir.');
  await dialog.getByRole('button', { name: 'Perpanjang tenggat' }).click();
  await notified(supervisor, 'Tenggat diperpanjang');
  expect((await apiCase('supervisor1', caseId)).openTasks.find((t: { id: string }) => t.id === task.id).dueAt).toBe(expected);
});

test('an escalation names the late task, the person, and links to the task, where its deadline is extended', async () => {
  // A two-second deadline in Tingkir breaches at once (restored right after registering).
  await setSla('asesmen', '33.73.02', 'PT2S');
  let late: { caseId: string; name: string };
  try {
    late = await caseOf('tksk2', 'Telat Lima');
  } finally {
    await setSla('asesmen', '33.73.02', 'P7D', true);
  }
  const lateTask = await openApiTask(late.caseId, 'asesmen', 'supervisor1');
  const escalation = await waitUntil(
    'the escalation',
    async () => (await openApiTask(late.caseId, 'sla_escalation', 'supervisor1').catch(() => undefined)) ?? false,
  );

  await go(supervisor, `/tasks/${escalation.id}/show`);
  const box = supervisor.getByTestId('late-task');
  await box.getByText('Tugas terlambat: Asesmen').waitFor();
  await box.getByText(late.name).waitFor();
  await box.getByText('usr_tksk2').waitFor();
  await box.getByTestId('late-task-link').click();
  await supervisor.waitForURL((url) => url.hash === `#/tasks/${lateTask.id}/show`);
  await supervisor.getByTestId('task-heading').getByText('Asesmen').waitFor();

  // There, the supervisor gives the TKSK two more working days.
  await supervisor.getByTestId('task-extend-deadline').click();
  const dialog = supervisor.getByTestId('dialog-extend-deadline');
  await dialog.getByLabel(/Tambah hari kerja/).fill('2');
  await dialog
    .getByTestId('extended-due')
    .getByText(/2 hari kerja kemudian/)
    .waitFor();
  await dialog.getByLabel(/Alasan/).fill('TKSK sakit dua hari, asesmen dijadwalkan ulang.');
  await dialog.getByRole('button', { name: 'Perpanjang tenggat' }).click();
  await notified(supervisor, 'Tenggat diperpanjang');
  const holidays = new Set((await db()<{ day: string }[]>`SELECT to_char(day, 'YYYY-MM-DD') AS day FROM holidays`).map((r) => r.day));
  expect((await apiCase('supervisor1', late.caseId)).openTasks.find((t: { id: string }) => t.id === lateTask.id).dueAt).toBe(
    addWorkingDays(new Date(lateTask.dueAt!), 2, holidays).toISOString(),
  );
});
