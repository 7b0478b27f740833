// The admin onboards TKSK from a CSV file in the portal: the check shows the bad row and offers no
// import, the fixed file imports and shows the invitation links once, and the new TKSK accepts the
// invitation in the browser (without signing in), then signs in with the chosen password.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { USER_IMPORT_COLUMNS } from '../../domain/userImport';
import { launchChromium } from '../support/chromium';
import { runUnique, stack } from '../support/stack';
import { go, signIn } from './portal';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

function fileOf(rows: Record<string, string>[]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'impor-')), 'tksk.csv');
  fs.writeFileSync(file, [USER_IMPORT_COLUMNS.join(';'), ...rows.map((r) => USER_IMPORT_COLUMNS.map((c) => r[c] ?? '').join(';'))].join('\r\n'));
  return file;
}

test('import with one bad row, fix it, import, then the new TKSK accepts the invitation and signs in', async () => {
  const n = String(runUnique('user-import-e2e', 9_999)).padStart(4, '0');
  const person = (k: number, telepon: string) => ({
    nama: `Sri Wahyuni ${n}${k}`,
    peran: 'tksk',
    kode_wilayah: '33.73.03',
    nomor_induk: `NIAT-E2E-${n}-${k}`,
    nomor_sk: 'SK 7/LJS/2026',
    telepon,
    email: `e2e.${n}.${k}@example.id`,
    mulai: '2026-01-05',
    username: `tksk.e2e.${n}.${k}`,
  });
  const good = person(1, `0857 ${n} 1${n}`);
  const page = await signIn(browser, 'admin');
  await go(page, '/users/import');
  await page.getByTestId('user-import').waitFor();

  await page.getByTestId('user-import-file').setInputFiles(fileOf([good, person(2, '12345')]));
  await page.getByRole('button', { name: 'Periksa dulu' }).click();
  const report = page.getByTestId('user-import-report');
  await report.locator('tr[data-action="invalid"]').waitFor();
  await expect(report.locator('tr[data-action="invalid"]').textContent()).resolves.toMatch(/telepon/);
  await expect(page.getByRole('alert').textContent()).resolves.toMatch(/1 baris tidak valid/);
  expect(await page.getByRole('button', { name: /^Impor$/ }).isDisabled()).toBe(true);

  await page.getByTestId('user-import-file').setInputFiles(fileOf([good, person(2, `0857 ${n} 2${n}`)]));
  await page.getByRole('button', { name: 'Periksa dulu' }).click();
  await page.getByTestId('user-import-counts').filter({ hasText: '2 baru' }).waitFor();
  await page.getByRole('button', { name: /^Impor$/ }).click();
  const invitations = page.getByTestId('user-import-invitations');
  await invitations.waitFor();
  const links = await invitations.getByTestId('invitation-link').allTextContents();
  expect(links).toHaveLength(2);
  expect(links[0]).toMatch(/\/admin\/#\/undangan\?kode=/);

  // The new TKSK, in a browser of their own, not signed in.
  const context = await browser.newContext({ locale: 'id-ID' });
  context.setDefaultTimeout(60_000);
  const tksk = await context.newPage();
  await tksk.goto(`${stack().apiUrl}/admin/#/undangan?kode=${encodeURIComponent(new URL(links[0].replace('#/', '')).searchParams.get('kode')!)}`);
  await tksk.getByTestId('accept-invitation').waitFor();
  await tksk.getByTestId('invitation-password').fill('sandi-pilihan-sri');
  await tksk.getByTestId('invitation-confirm').fill('sandi-pilihan-sri');
  await tksk.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await tksk.getByText('Kata sandi tersimpan').waitFor();
  await tksk.getByRole('link', { name: 'Masuk' }).click();
  await tksk.getByLabel(/Nama pengguna/).fill(good.username);
  await tksk.getByLabel(/Kata sandi/).fill('sandi-pilihan-sri');
  await tksk.getByRole('button', { name: /^Masuk$/ }).click();
  await tksk.waitForURL(/#\/$/, { timeout: 30_000 });
  await tksk.getByTestId('dashboard').waitFor();
  await context.close();
});
