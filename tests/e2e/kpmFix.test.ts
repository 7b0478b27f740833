// A KPM data fix proposed from the portal on a phone (390 px): the TKSK opens the KPM from the
// register, the dialog starts empty, the NIK field appears only for a NIK correction, and the
// proposal reaches the kabupaten as a review task. Outcomes checked through the API.
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { registeredKpm } from '../support/sembako';
import { call, freshNik, login } from '../support/stack';
import { choose, go, notified, PHONE, shot, signIn, uniqueName } from './portal';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

test('a TKSK proposes a NIK correction from the KPM page at 390 px; the kabupaten gets the review task', async () => {
  const name = uniqueName('Siti');
  const { id: kpmId } = await registeredKpm('tksk1', '33.73.01', { nama_pengurus: name });
  const page = await signIn(browser, 'tksk1', PHONE);
  await go(page, `/sembako-kpm/${kpmId}/show`);
  await page.getByText(name).first().waitFor();
  await page.getByTestId('kpm-fix-propose').click();
  const dialog = page.getByTestId('dialog-kpm-fix');
  await dialog.waitFor();
  // Empty: no kind chosen, no kind-specific field, no reason.
  await expect(dialog.locator('input[name="correctedNik"]').count()).resolves.toBe(0);
  await expect(dialog.locator('textarea[name="reason"]').inputValue()).resolves.toBe('');

  await choose(page, /Yang perlu diperbaiki/, 'NIK tidak sesuai Dukcapil');
  const nik = dialog.locator('input[name="correctedNik"]');
  await nik.waitFor();
  await expect(nik.inputValue()).resolves.toBe('');
  await expect(nik.getAttribute('inputmode')).resolves.toBe('numeric');
  const correctedNik = freshNik();
  await nik.fill(correctedNik);
  await dialog.locator('textarea[name="reason"]').fill('NIK di Dukcapil berbeda dengan daftar KPM.');
  // The dialog fits the phone: nothing wider than the screen.
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
  await shot(page, 'sembako-kpm-fix-phone');
  await dialog.getByRole('button', { name: 'Ajukan' }).click();
  await notified(page, 'Perbaikan data diajukan');

  const fixes = await call('GET', `/api/sembako/kpm/fixes?filter=${encodeURIComponent(JSON.stringify({ kpmId }))}`, { token: await login('supervisor1') });
  expect(fixes.body).toMatchObject([{ kind: 'nik_tidak_sesuai', status: 'diajukan', correctedNik, proposedBy: 'usr_tksk1' }]);
  const tasks = await call('GET', `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ workflowId: `kpm-fix-${fixes.body[0].id}`, status: 'open' }))}`, {
    token: await login('supervisor1'),
  });
  expect(tasks.body).toMatchObject([{ type: 'sembako_kpm_fix_review' }]);
  // The KPM's page lists the open fix.
  await page.getByTestId('dialog-kpm-fix').waitFor({ state: 'detached' });
  await page.getByText('Menunggu keputusan').first().waitFor();
});
