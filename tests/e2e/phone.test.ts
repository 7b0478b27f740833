// The TKSK's day on a phone (390×844): the menu behind the hamburger, case registration, the
// task list as a touch list, the assessment form, and no sideways scrolling anywhere.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { apiCase, fillAssessment, fillRegistration, menuTexts, MENUS, notified, openTask, PHONE, shot, signIn, uniqueName } from './portal';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** Nothing wider than the screen (a horizontal scrollbar on a phone is a bug). */
async function fitsWidth(page: Page): Promise<void> {
  // Give layout transitions (the closing drawer, notifications) a moment to settle.
  const settled = await page
    .waitForFunction((max) => document.documentElement.scrollWidth <= max, PHONE.width + 1, { timeout: 5_000 })
    .then(() => true)
    .catch(() => false);
  if (settled) return;
  // Name the widest offenders in the failure message.
  const offenders = await page.evaluate((max) => {
    const out: string[] = [];
    document.querySelectorAll('body *').forEach((e) => {
      const r = e.getBoundingClientRect();
      if (r.right > max && r.width > 0)
        out.push(
          `${e.tagName.toLowerCase()}.${String((e as HTMLElement).className)
            .split(' ')
            .slice(0, 3)
            .join('.')} (right ${Math.round(r.right)})`,
        );
    });
    return out.slice(0, 8);
  }, PHONE.width + 1);
  expect({ scrollWidth: await page.evaluate(() => document.documentElement.scrollWidth), offenders }).toEqual({ scrollWidth: PHONE.width, offenders: [] });
}

test('a TKSK registers a case and completes its assessment on a 390×844 phone', async () => {
  const page = await signIn(browser, 'tksk1', PHONE);
  await page.getByTestId('dashboard').waitFor();
  await fitsWidth(page);
  expect(await menuTexts(page)).toEqual(MENUS.tksk1);

  const name = uniqueName('Mbah Sarinah');
  await fillRegistration(page, { name, address: 'Jl. Osamaliki 5', desaCode: '33.73.01.1002', summary: 'Lansia hidup sendiri, penglihatan menurun.' });
  await fitsWidth(page);
  await page.getByRole('button', { name: 'Simpan' }).click();
  await page.waitForURL(/#\/cases\/[0-9a-f-]{36}\/show/, { timeout: 30_000 });
  const caseId = /#\/cases\/([0-9a-f-]{36})\/show/.exec(page.url())![1];
  await page.getByTestId('lifecycle').waitFor();
  await fitsWidth(page);
  await shot(page, 'phone-case');

  // Tugas saya is a touch list on a phone; the assessment form fits the screen.
  await openTask(page, name, 'Asesmen');
  await page.getByTestId('task-form').waitFor();
  await fitsWidth(page);
  await fillAssessment(page, {
    needs: ['Pemeriksaan mata'],
    riskLevel: 'Rendah',
    planGoals: ['Mendapat kacamata dari puskesmas'],
    visitCadenceDays: 14,
  });
  await shot(page, 'phone-task-form', { doc: true, top: page.getByTestId('task-heading') });
  await page.getByRole('button', { name: 'Selesaikan' }).click();
  await notified(page, 'Tugas diselesaikan');
  await page.getByTestId('next-step').waitFor();
  await fitsWidth(page);
  await page.getByTestId('back-to-tasks').click();
  await page.getByTestId('task-list-mobile').or(page.getByTestId('tasks-empty')).first().waitFor();
  await fitsWidth(page);
  await shot(page, 'phone-tasks');
  expect((await apiCase('tksk1', caseId)).status).toBe('assessment_review');

  // Kasus saya as a touch list too.
  expect(await menuTexts(page)).toContain('Kasus saya');
  await page.getByRole('menuitem', { name: 'Kasus saya' }).click();
  await page.getByTestId('case-list-mobile').getByText(name).waitFor();
  await fitsWidth(page);
  await page.context().close();
});
