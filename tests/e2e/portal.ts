// Helpers for driving the portal in Chromium: sign in as a demo account (one browser context per
// person, so several people can work side by side), navigate, find a task, take screenshots.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { call, freshNik, login, stack } from '../support/stack';

/** A unique NIK of the run (shared with the API helpers' registration()). */
export { freshNik };

export const SHOTS = path.join(__dirname, '..', 'artifacts', 'screenshots');
/** Small PNGs for the README; the lead moves them to docs/screenshots/. */
export const DOC_SHOTS = path.join(__dirname, '..', '..', 'admin', 'docs-screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

fs.mkdirSync(SHOTS, { recursive: true });

/** Sign in through the login form; resolves on the first page after it. */
export async function signIn(browser: Browser, username: string, viewport = DESKTOP): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'id-ID', acceptDownloads: true });
  // On two shared cores (the stack, Chromium and jest at once) a screen can take longer than
  // Playwright's 30 s default; a wait still ends as soon as what it waits for is there.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.warn(`[${username}] page error: ${e.message}`));
  await page.goto(`${stack().apiUrl}/admin/`);
  await page.getByLabel(/Nama pengguna/).fill(username);
  await page.getByLabel(/Kata sandi/).fill('demo');
  await page.getByRole('button', { name: /^Masuk$/ }).click();
  await page.waitForURL(/#\/$/, { timeout: 30_000 });
  return page;
}

/** Sign out through the user menu (the portal reloads into the login form), then in again as someone else in the same page. */
export async function switchUser(page: Page, username: string): Promise<void> {
  if (!page.url().includes('#/login')) {
    await page.getByRole('button', { name: 'Profil' }).click();
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await page.waitForURL(/#\/login/, { timeout: 15_000 });
  }
  await page.getByLabel(/Nama pengguna/).fill(username);
  await page.getByLabel(/Kata sandi/).fill('demo');
  await page.getByRole('button', { name: /^Masuk$/ }).click();
  // react-admin returns to where the previous user was; start from the dashboard.
  await page.waitForURL((url) => !url.hash.startsWith('#/login'), { timeout: 30_000 });
  await go(page, '/');
}

/** Navigate inside the app (hash router) without reloading it. */
export async function go(page: Page, hashPath: string): Promise<void> {
  await page.evaluate((p) => {
    window.location.hash = p;
  }, hashPath);
  const want = `#${hashPath.split('?')[0]}`;
  await page.waitForURL((url) => url.hash.split('?')[0] === want, { timeout: 10_000 });
}

/** The texts of the side menu (opened first on a phone). */
/** The menu each demo account sees, in order (admin/src/layout/Menu.tsx PLACES): one list for every browser test. */
const PLACES_AFTER_COMPLAINTS = ['Perbaikan data KPM', 'Jadwal penyaluran', 'Pemetaan sosial', 'Direktori PSKS', 'Rapat koordinasi', 'Laporan bulanan'];
const TKSK_MENU = [
  'Dasbor',
  'Tugas saya',
  'Kasus saya',
  'Registrasi kasus',
  'Klaim tali asih',
  'Daftar KPM',
  'Periode penyaluran',
  'Pengaduan',
  ...PLACES_AFTER_COMPLAINTS,
];
const SUPERVISOR_MENU = [
  'Dasbor',
  'Kotak masuk',
  'Terlambat',
  'Kasus',
  'Klaim tali asih',
  'Anggaran tali asih',
  'Rekonsiliasi',
  'Penugasan TKSK',
  'Daftar KPM',
  'Periode penyaluran',
  'Pengaduan',
  ...PLACES_AFTER_COMPLAINTS,
];
export const MENUS: Record<string, string[]> = {
  tksk1: TKSK_MENU,
  tksk2: TKSK_MENU,
  supervisor1: SUPERVISOR_MENU,
  provinsi1: SUPERVISOR_MENU,
  auditor1: [
    'Dasbor',
    'Kasus',
    'Log audit',
    'Klaim tali asih',
    'Anggaran tali asih',
    'Rekonsiliasi',
    'Penugasan TKSK',
    'Daftar KPM',
    'Periode penyaluran',
    'Pengaduan',
    ...PLACES_AFTER_COMPLAINTS,
  ],
  admin: ['Pengguna', 'Log audit', 'Penugasan TKSK'],
};

export async function menuTexts(page: Page): Promise<string[]> {
  const items = page.getByTestId('menu').getByRole('menuitem');
  if ((page.viewportSize()?.width ?? 1280) < 600) {
    // Behind the hamburger on a phone (the app bar hides when the page is scrolled down).
    await page.evaluate(() => window.scrollTo(0, 0));
    const opener = page.getByRole('button', { name: 'Buka menu' });
    await opener.or(items.first()).first().waitFor({ timeout: 15_000 });
    if (!(await items.first().isVisible())) await opener.click();
  }
  await items.first().waitFor({ timeout: 15_000 });
  const texts = (await items.allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  return [...new Set(texts)];
}

/**
 * The open task of this type for the case named `caseName` in the task list, refreshing the list
 * while it catches up (another person's step may have just created it).
 */
export async function findTask(page: Page, caseName: string, typeLabel: string): Promise<Locator> {
  await goTaskList(page);
  const item = taskItem(page, caseName, typeLabel).first();
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await item.waitFor({ timeout: 4_000 });
      return item;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.getByRole('button', { name: 'Muat ulang' }).first().click();
    }
  }
}

/** Open that task's page. */
export async function openTask(page: Page, caseName: string, typeLabel: string): Promise<void> {
  const item = await findTask(page, caseName, typeLabel);
  await item.getByText(typeLabel, { exact: true }).first().click();
  await page.waitForURL(/#\/tasks\/[0-9a-f-]{36}\/show/, { timeout: 10_000 });
  await page.getByTestId('task-heading').waitFor();
}

/** The open tasks, newest first (the list shared with other tests may be long). */
export async function goTaskList(page: Page): Promise<void> {
  const filter = encodeURIComponent(JSON.stringify({ status: 'open' }));
  await go(page, `/tasks?filter=${filter}&order=DESC&page=1&perPage=25&sort=createdAt`);
}

/** A row (desktop table) or list item (phone) of the task list. */
export function taskItem(page: Page, caseName: string, typeLabel: string): Locator {
  const rows = page.locator('tbody tr, [data-testid="task-list-mobile"] li');
  return rows.filter({ hasText: caseName }).filter({ has: page.getByText(typeLabel, { exact: true }) });
}

/** Choose an option of a MUI select (react-admin SelectInput) by its label. */
export async function choose(page: Page, label: RegExp | string, option: RegExp | string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

/**
 * Wait until the list on screen is the answer to its current filter: at least one row, every row
 * showing `text` (e.g. the filtered period) and, when given, exactly `count` rows. A URL that
 * already carries the filter proves nothing: the rows of the previous query stay on screen until
 * the new answer arrives.
 */
export async function listShowsOnly(page: Page, text: string, count?: number): Promise<void> {
  try {
    await page.waitForFunction(
      ({ text, count }) => {
        // Expandable lists keep an empty row per record for its (closed) detail panel.
        const rows = Array.from(document.querySelectorAll('tbody tr')).filter((r) => r.textContent?.trim());
        return rows.length > 0 && rows.every((r) => r.textContent?.includes(text)) && (count === undefined || rows.length === count);
      },
      { text, count },
      { timeout: 30_000 },
    );
  } catch (error) {
    const rows = (await page.locator('tbody tr').allInnerTexts()).filter((t) => t.trim());
    throw new Error(`the list never showed only rows with "${text}"${count === undefined ? '' : ` (${count} rows)`}; on screen: ${JSON.stringify(rows)}`, {
      cause: error,
    });
  }
}

/**
 * After typing into a list filter: wait until the filter has reached the URL (react-admin applies
 * it after a debounce; navigating away before that is undone when it fires) and the list shows its
 * answer only (`listShowsOnly`). Either alone is not enough.
 */
export async function listFilteredTo(page: Page, filterValue: string, rowText: string, count?: number): Promise<void> {
  await page.waitForURL((url) => decodeURIComponent(url.hash).includes(JSON.stringify(filterValue).slice(1, -1)));
  await listShowsOnly(page, rowText, count);
}

/** Wait until nothing on the page is still loading (spinners gone), before checking an absence. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[role="progressbar"], .MuiSkeleton-root'), undefined, { timeout: 30_000 });
}

/** Clicks the list's CSV export and returns the downloaded file's lines (the header first). */
export async function downloadCsv(page: Page): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  return fs
    .readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\n');
}

/** Waits for `locator`; on a timeout the error says what the page showed instead (and a screenshot is kept). */
export async function waitForOrDescribe(page: Page, locator: Locator, what: string): Promise<void> {
  try {
    await locator.waitFor();
  } catch (error) {
    const shown = (
      await page
        .locator('main, [role="main"], body')
        .first()
        .innerText()
        .catch(() => '')
    ).slice(0, 1500);
    await page.screenshot({ path: path.join(SHOTS, `failed-${what.replace(/[^a-z0-9]+/gi, '-')}.png`) }).catch(() => undefined);
    throw new Error(`${what} never appeared at ${page.url()}; the page showed: ${JSON.stringify(shown)}`, { cause: error });
  }
}

/** Wait for a react-admin notification with this text. */
export async function notified(page: Page, text: RegExp | string): Promise<void> {
  await page.locator('.RaNotification-root, [role="alert"]').filter({ hasText: text }).first().waitFor({ timeout: 30_000 });
}

export async function shot(page: Page, name: string, opts: { doc?: boolean; fullPage?: boolean; top?: Locator } = {}): Promise<void> {
  if (opts.top) {
    // Bring this part of the page to the top, under the app bar.
    await opts.top.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 64));
  }
  await page.waitForTimeout(300); // let transitions end
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: opts.fullPage ?? false });
  if (opts.doc) {
    fs.mkdirSync(DOC_SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(DOC_SHOTS, `${name}.png`), fullPage: false, scale: 'css' });
  }
}

/** The case as the API sees it (for checks, never to move the process on). */
export async function apiCase(username: string, caseId: string): Promise<any> {
  const r = await call('GET', `/api/cases/${caseId}`, { token: await login(username) });
  if (r.status !== 200) throw new Error(`GET case ${caseId} as ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A beneficiary name unique to this run, so lists shared with other tests can be searched. */
export const uniqueName = (first: string) => `${first} ${Array.from({ length: 5 }, () => 'ABCDEFGHIJKLMNOPRSTUW'[Math.floor(Math.random() * 21)]).join('')}`;

/** Opens Registrasi kasus from the menu and fills it for an older woman (LUT), by default with a fresh NIK; saving is the caller's. */
export async function fillRegistration(
  page: Page,
  r: { name: string; address: string; desaCode: string; summary: string; consentGivenBy?: string; nik?: string },
) {
  await page.getByRole('menuitem', { name: 'Registrasi kasus' }).click();
  await page.getByLabel(/^NIK/).fill(r.nik ?? freshNik());
  await page.getByLabel(/Nama penerima manfaat/).fill(r.name);
  await page.getByLabel(/Tanggal lahir/).fill('1962-08-17');
  await page.getByLabel('Perempuan').check();
  await page.getByLabel(/^Alamat/).fill(r.address);
  // The desa picker lists the kecamatan's desa as "Name (code)".
  await choose(page, /^Desa\/kelurahan/, new RegExp(`\\(${r.desaCode.replace(/\./g, '\\.')}\\)$`));
  await choose(page, /Kategori PMKS/, /^LUT/);
  await page.getByLabel(/^Ringkasan/).fill(r.summary);
  await choose(page, /Dasar persetujuan/, 'Persetujuan sendiri');
  if (r.consentGivenBy) await page.getByLabel(/Diberikan oleh/).fill(r.consentGivenBy);
}

/** Fill the repeatable text inputs of an array field (`data.needs`): the first is there, the rest are added. */
export async function fillList(page: Page, source: string, items: string[]): Promise<void> {
  for (const [i, item] of items.entries()) {
    const input = page.locator(`input[name="${source}.${i}"]`);
    if (!(await input.count()))
      await page
        .locator(`.ra-input-${source.replace(/\./g, '\\.')} .button-add`)
        .first()
        .click();
    await input.fill(item);
  }
}

/** The assessment form (`asesmen`), which opens empty: every answer is the test's own. */
export async function fillAssessment(
  page: Page,
  a: { needs: string[]; riskLevel: 'Rendah' | 'Sedang' | 'Tinggi'; planGoals: string[]; visitCadenceDays: number; notes?: string },
): Promise<void> {
  await fillList(page, 'data.needs', a.needs);
  await choose(page, /Tingkat risiko/, a.riskLevel);
  await fillList(page, 'data.planGoals', a.planGoals);
  await page.getByLabel(/Jarak kunjungan/).fill(String(a.visitCadenceDays));
  if (a.notes) await page.getByTestId('field-data.notes').locator('textarea:visible, input').first().fill(a.notes);
}

/** A date input of the task form (YYYY-MM-DD). */
export async function fillDate(page: Page, source: string, date: string): Promise<void> {
  await page.locator(`input[name="${source}"]`).fill(date);
}

/** Today in Jakarta (YYYY-MM-DD): a visit done today. */
export const todayWib = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** The visit form (`pendampingan_visit`) after choosing its outcome: date and observations. */
export async function fillVisit(
  page: Page,
  v: { outcome: 'Lanjutkan pendampingan' | 'Rujuk' | 'Usulkan terminasi'; observations: string; visitDate?: string },
): Promise<void> {
  await page.getByRole('radio', { name: v.outcome, exact: true }).check();
  await page.getByTestId('task-form').waitFor();
  await fillDate(page, 'data.visitDate', v.visitDate ?? todayWib());
  await page.getByLabel(/Hasil pengamatan/).fill(v.observations);
}
