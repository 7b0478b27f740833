// Koordinasi & Laporan in the portal: a TKSK on a 390 px phone finds the meeting form empty; a
// month from entries to an approved report (entries and the two steps through the API, as their
// own tests drive them in the portal), then the supervisor reads the report's counts on its page
// and downloads its PDF with the button.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { currentPeriod } from '../../domain/taliAsih';
import { waitUntil } from '../support/casework';
import { launchChromium } from '../support/chromium';
import { call, login } from '../support/stack';
import { go, menuTexts, PHONE, signIn, todayWib } from './portal';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const q = (v: unknown) => encodeURIComponent(JSON.stringify(v));

async function completeOpen(user: string, workflowId: string, type: string, body: Record<string, unknown>) {
  const token = await login(user);
  const task = await waitUntil(type, async () => {
    const r = await call('GET', `/api/tasks?filter=${q({ workflowId, type, status: 'open' })}`, { token });
    return (r.body as { id: string }[])[0];
  });
  const r = await call('POST', `/api/tasks/${task.id}/complete`, { token, body });
  if (r.status !== 200) throw new Error(`${type}: ${r.status} ${JSON.stringify(r.body)}`);
}

test('a TKSK records a meeting on a phone (the form starts empty); a month becomes an approved report and its PDF downloads from the portal', async () => {
  const phone = await signIn(browser, 'tksk3', PHONE);
  expect(await menuTexts(phone)).toEqual(expect.arrayContaining(['Rapat koordinasi', 'Laporan bulanan']));
  await go(phone, '/meetings/create');
  await phone.getByTestId('meeting-form').waitFor();
  for (const name of ['title', 'heldOn', 'chair', 'place']) await expect(phone.locator(`[name="${name}"]`).first().inputValue()).resolves.toBe('');
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await phone.context().close();

  // The month's entries and the report's two steps.
  const tksk = await login('tksk3');
  const met = await call('POST', '/api/meetings', {
    token: tksk,
    body: {
      level: 'tikor_kecamatan',
      title: 'Rapat Tikor uji portal',
      heldOn: todayWib(),
      chair: 'Sekcam Sidorejo',
      agenda: ['Evaluasi penyaluran'],
      actionItems: [{ description: 'Menyerahkan data KPM pindah ke desa', ownerId: 'usr_tksk3' }],
    },
  });
  expect(met.status).toBe(201);
  await completeOpen('tksk3', met.body.workflowId, 'koordinasi_tindak_lanjut', { data: { doneOn: todayWib(), result: 'Data diserahkan ke Sekdes.' } });
  const period = currentPeriod();
  const id = `laporan-usr_tksk3-${period}`;
  const opened = await call('POST', '/api/monthly-reports', { token: tksk, body: { period } });
  expect([201, 409]).toContain(opened.status);
  await completeOpen('tksk3', id, 'laporan_bulanan_narasi', { data: { narrative: 'Bulan ini menghadiri rapat Tikor dan menyerahkan data KPM pindah.' } });
  await completeOpen('supervisor1', id, 'laporan_bulanan_review', { outcome: 'approve', data: {} });

  const page = await signIn(browser, 'supervisor1');
  await go(page, `/monthly-reports/${encodeURIComponent(id)}/show`);
  await page.getByTestId('report-status').filter({ hasText: 'Disetujui' }).waitFor();
  await page.getByTestId('count-meetings').filter({ hasText: /[1-9]/ }).waitFor();
  await expect(page.getByTestId('report-narrative').textContent()).resolves.toContain('menghadiri rapat Tikor');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-pdf').click()]);
  const file = fs.readFileSync((await download.path())!).toString('latin1');
  expect(file.startsWith('%PDF-')).toBe(true);
  expect(file).toContain('DINAS SOSIAL');
  expect(file).toContain('Rapat koordinasi dihadiri/dicatat');
  await page.context().close();
});
