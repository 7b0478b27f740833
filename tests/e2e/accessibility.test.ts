// WCAG 2.1 AA on the main screens of every role: axe-core runs in the page after the screen has
// loaded, and any violation of impact critical or serious fails the test (rule, target, help).
// Moderate and minor findings are printed, not failed.
import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { recentDate, waitUntil } from '../support/casework';
import { launchChromium } from '../support/chromium';
import { freshPeriod } from '../support/sembako';
import { call, freshNik, login, registration, stack } from '../support/stack';
import { DESKTOP, go, PHONE, settled, SHOTS, signIn } from './portal';

let browser: Browser;
let caseId: string;
let assessmentTaskId: string;
let monitoringTaskId: string;
let complaintId: string;
let sembakoPeriodId: string;
beforeAll(async () => {
  browser = await launchChromium();
  // A case of tksk1 with its assessment open: the task form, the case page, the supervisors' inbox.
  const token = await login('tksk1');
  const created = await call('POST', '/api/cases', {
    token,
    body: registration({ beneficiary: { ...registration().beneficiary, nik: freshNik(), name: 'Aksesibel Sari' } }),
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
  const detail = await call('GET', `/api/cases/${caseId}`, { token });
  assessmentTaskId = (created.body.openTasks?.[0] ?? detail.body.openTasks[0]).id;
  // A Sembako period of Sidorejo past its Tikor meeting: the monitoring form of its one point.
  const opened = await call('POST', '/api/sembako/periods', {
    token,
    body: { period: freshPeriod(), distributionPoints: [{ pointId: 'ew-axe', name: 'E-Warong Aksesibel', kind: 'e_warong', desaCode: '33.73.01.1001' }] },
  });
  expect(opened.status).toBe(201);
  const openTask = (type: string) =>
    waitUntil(`the ${type} task`, async () => {
      const filter = encodeURIComponent(JSON.stringify({ workflowId: opened.body.periodId, type, status: 'open' }));
      return ((await call('GET', `/api/tasks?filter=${filter}`, { token })).body as { id: string }[])[0];
    });
  const tikor = await openTask('sembako_tikor_meeting');
  const meeting = {
    meetingOn: recentDate(),
    chair: 'Sekcam Sidorejo',
    attendees: [{ role: 'Petugas bank', organisation: 'BRI Unit Sidorejo' }],
    agreements: ['Mulai tanggal 5'],
  };
  expect((await call('POST', `/api/tasks/${tikor.id}/complete`, { token, body: { data: meeting } })).status).toBe(200);
  monitoringTaskId = (await openTask('sembako_monitoring')).id;
  // A Sembako complaint of Sidorejo: the complaint board and page.
  const complaint = await call('POST', '/api/complaints', {
    token,
    body: {
      channel: 'tatap_muka',
      category: 'tepat_waktu',
      description: 'Bantuan bulan ini belum bisa dicairkan.',
      receivedOn: recentDate(),
      complainant: {},
      subject: { kind: 'umum' },
    },
  });
  expect(complaint.status).toBe(201);
  complaintId = complaint.body.id;
  sembakoPeriodId = opened.body.periodId;
});
afterAll(() => browser?.close());

interface Finding {
  screen: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}
const findings: Finding[] = [];
afterAll(() => {
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.writeFileSync(path.join(SHOTS, '..', 'axe.json'), JSON.stringify(findings, null, 2));
});

/** Run axe on what the page shows now (WCAG 2.0/2.1 A and AA rules). */
async function audit(page: Page, screen: string): Promise<Finding[]> {
  await settled(page);
  // Evaluated through the DevTools protocol: the portal's CSP (same-origin scripts only) does not apply.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: typeof axe };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ rule: v.id, impact: v.impact ?? 'unknown', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  const found = violations.map((v) => ({ screen, ...v }));
  findings.push(...found);
  for (const f of found) console.log(`[axe] ${screen}: ${f.impact} ${f.rule} (${f.targets.length}×) — ${f.help}\n    ${f.targets.slice(0, 5).join('\n    ')}`);
  return found;
}

const serious = (found: Finding[]) =>
  found.filter((f) => f.impact === 'critical' || f.impact === 'serious').map((f) => `${f.rule} ${f.targets.join(', ')} — ${f.help}`);

/**
 * A supervisor's inbox on its "Semua tugas di wilayah saya" tab: the default tab holds only what
 * waits for their role, which may be nothing at this point of a run; this one has the TKSK's
 * open assessment of the case registered above, so the rows are checked too.
 */
const ALL_OPEN_TASKS = `/tasks?filter=${encodeURIComponent(JSON.stringify({ status: 'open' }))}`;

type Screen = [name: string, path: () => string, ready: (page: Page) => Promise<unknown>];

/** The claims list: its total once loaded, or its empty state on a fresh install. */
const CLAIMS_LIST: Screen = [
  'claims list',
  () => '/claims',
  (p) =>
    p
      .getByTestId('claims-total')
      .or(p.getByText(/Belum ada/))
      .first()
      .waitFor(),
];

/** Each role's screens: the path and what shows once the screen has loaded. */
const SCREENS: Record<string, Screen[]> = {
  tksk1: [
    ['dashboard', () => '/', (p) => p.getByTestId('dashboard').waitFor()],
    ['task list', () => '/tasks', (p) => p.locator('tbody tr').first().waitFor()],
    ['assessment form', () => `/tasks/${assessmentTaskId}/show`, (p) => p.getByTestId('task-heading').waitFor()],
    ['case list', () => '/cases', (p) => p.locator('tbody tr').first().waitFor()],
    ['case show', () => `/cases/${caseId}/show`, (p) => p.getByText('Aksesibel Sari').first().waitFor()],
    ['case create', () => '/cases/create', (p) => p.getByLabel(/^NIK/).waitFor()],
    ['sembako monitoring form', () => `/tasks/${monitoringTaskId}/show`, (p) => p.getByTestId('monitoring-point').waitFor()],
    ['complaint board', () => '/complaints', (p) => p.getByTestId('complaint-card').first().waitFor()],
    ['sembako KPM list', () => '/sembako-kpm', (p) => p.locator('tbody tr').first().or(p.getByText('Belum ada KPM')).first().waitFor()],
    ['sembako KPM import', () => '/sembako-kpm/create', (p) => p.getByTestId('kpm-file').waitFor()],
    ['sembako period show', () => `/sembako-periods/${sembakoPeriodId}/show`, (p) => p.getByTestId('period-points').waitFor()],
  ],
  supervisor1: [
    ['dashboard', () => '/', (p) => p.getByTestId('dashboard').waitFor()],
    ['inbox', () => ALL_OPEN_TASKS, (p) => p.locator('tbody tr').first().waitFor()],
    ['case list', () => '/cases', (p) => p.locator('tbody tr').first().waitFor()],
    ['case show', () => `/cases/${caseId}/show`, (p) => p.getByText('Aksesibel Sari').first().waitFor()],
    ['audit list', () => '/audit', (p) => p.locator('tbody tr').first().waitFor()],
    CLAIMS_LIST,
    ['complaint board', () => '/complaints', (p) => p.getByTestId('complaint-card').first().waitFor()],
    ['complaint create', () => '/complaints/create', (p) => p.getByTestId('complaint-form').waitFor()],
    ['complaint show', () => `/complaints/${complaintId}/show`, (p) => p.getByTestId('complaint-history').getByRole('row').nth(1).waitFor()],
    ['sembako period list', () => '/sembako-periods', (p) => p.locator('tbody tr').first().waitFor()],
    ['sembako period create', () => '/sembako-periods/create', (p) => p.locator('input[name="period"]').waitFor()],
  ],
  provinsi1: [
    ['dashboard', () => '/', (p) => p.getByTestId('dashboard').waitFor()],
    ['inbox', () => ALL_OPEN_TASKS, (p) => p.locator('tbody tr').first().waitFor()],
    ['case show', () => `/cases/${caseId}/show`, (p) => p.getByText('Aksesibel Sari').first().waitFor()],
    CLAIMS_LIST,
  ],
  auditor1: [
    ['dashboard', () => '/', (p) => p.getByTestId('dashboard').waitFor()],
    ['case list', () => '/cases', (p) => p.locator('tbody tr').first().waitFor()],
    [
      'case show',
      () => `/cases/${caseId}/show`,
      (p) =>
        p
          .getByText(/Riwayat audit|Linimasa/)
          .first()
          .waitFor(),
    ],
    ['audit list', () => '/audit', (p) => p.locator('tbody tr').first().waitFor()],
    CLAIMS_LIST,
  ],
  admin: [
    ['users list', () => '/users', (p) => p.locator('tbody tr').first().waitFor()],
    ['audit list', () => '/audit', (p) => p.locator('tbody tr').first().waitFor()],
  ],
};

test('the login screen has no serious or critical WCAG violation', async () => {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'id-ID' });
  const page = await context.newPage();
  await page.goto(`${stack().apiUrl}/admin/`);
  await page.getByLabel(/Nama pengguna/).waitFor();
  expect(serious(await audit(page, 'login'))).toEqual([]);
  await context.close();
});

describe.each(Object.entries(SCREENS))('%s', (user, screens) => {
  let page: Page;
  beforeAll(async () => {
    page = await signIn(browser, user);
  });
  afterAll(() => page?.context().close());

  test.each(screens)('%s has no serious or critical WCAG violation', async (screen, at, ready) => {
    await go(page, at());
    await ready(page);
    expect(serious(await audit(page, `${user} ${screen}`))).toEqual([]);
  });
});

test('the phone header shows the page title, not the language', async () => {
  const page = await signIn(browser, 'tksk1', PHONE);
  await go(page, '/cases');
  await page.locator('[data-testid="case-list-mobile"], tbody tr, .MuiList-root li').first().waitFor();
  const header = page.locator('header');
  await header.getByText('Kasus saya', { exact: true }).waitFor();
  expect(await header.innerText()).not.toMatch(/bahasa indonesia/i);
  expect(serious(await audit(page, 'tksk1 phone case list'))).toEqual([]);
  await page.context().close();
});

test('the menu and the registration form are reachable by Tab', async () => {
  const page = await signIn(browser, 'tksk1');
  await go(page, '/cases/create');
  await page.getByLabel(/^NIK/).waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached: string[] = [];
  for (let i = 0; i < 40 && !reached.some((r) => /^NIK/.test(r)); i++) {
    await page.keyboard.press('Tab');
    reached.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
        return (el.getAttribute('aria-label') ?? labelled ?? el.innerText ?? '').trim();
      }),
    );
  }
  expect(reached).toEqual(expect.arrayContaining(['Tugas saya', 'Kasus saya', 'Registrasi kasus']));
  expect(reached.some((r) => /^NIK/.test(r))).toBe(true);
  await page.context().close();
});
