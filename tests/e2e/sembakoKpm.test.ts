// Program Sembako's register and periods in the portal: a TKSK imports a CSV (a bad row is named
// by line and column and nothing is written; the corrected file imports and its KPM are listed
// with desa names), and a kabupaten supervisor opens a distribution period through the form and
// finds it in the list and on its page. Outcomes checked through the API.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { freshPeriod, kpmCsv, kpmRow } from '../support/sembako';
import { call, login } from '../support/stack';
import { choose, go, listShowsOnly, notified, PHONE, shot, signIn, uniqueName } from './portal';
import { periodLabel } from '../../admin/src/sembako/format';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const listedKpm = async (idKpm: string) =>
  (await call('GET', `/api/sembako/kpm?filter=${encodeURIComponent(JSON.stringify({ idKpm }))}`, { token: await login('tksk1') })).body as {
    idKpm: string;
    pengurusName: string;
  }[];

const regionName = async (code: string): Promise<string> => {
  const r = await call('GET', `/api/regions?filter=${encodeURIComponent(JSON.stringify({ id: [code] }))}`, { token: await login('tksk1') });
  return (r.body as { name: string }[])[0].name;
};

async function chooseFile(page: Page, name: string, csv: string): Promise<void> {
  await page.getByTestId('kpm-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
}

test('a TKSK imports a KPM CSV: a bad row is named by line and column and nothing is written; the corrected file imports and lists with desa names', async () => {
  const first = kpmRow({ nama_pengurus: uniqueName('Siti') });
  const second = kpmRow({ nama_pengurus: uniqueName('Slamet'), kode_desa: '33.73.01.1002', saluran: 'pos', no_kks: '', bank: '' });
  const bad = { ...second, no_kk: '12345' };
  const page = await signIn(browser, 'tksk1');
  await go(page, '/sembako-kpm/create');
  // The TKSK's own kecamatan, fixed; nothing to check until a file is chosen.
  await expect(page.getByTestId('kpm-kecamatan').textContent()).resolves.toContain('33.73.01');
  await expect(page.getByTestId('kpm-check').isDisabled()).resolves.toBe(true);
  await expect(page.getByTestId('kpm-submit').isDisabled()).resolves.toBe(true);

  await chooseFile(page, 'kpm-salah.csv', kpmCsv([first, bad]));
  await page.getByRole('button', { name: 'Periksa dulu' }).click();
  await page.getByTestId('kpm-report').waitFor();
  // Header on line 1: the bad row is line 3, its KK number the column at fault.
  const badRow = page.getByTestId('kpm-row-3');
  await expect(badRow.textContent()).resolves.toMatch(/Belum benar.*Kolom no_kk/);
  await expect(page.getByTestId('kpm-report-summary').textContent()).resolves.toContain('1 dari 2 baris belum benar');
  await expect(page.getByTestId('kpm-submit').isDisabled()).resolves.toBe(true);
  await shot(page, 'sembako-kpm-import-invalid');
  expect(await listedKpm(first.id_kpm)).toEqual([]);
  expect(await listedKpm(second.id_kpm)).toEqual([]);

  await chooseFile(page, 'kpm.csv', kpmCsv([first, second]));
  await expect(page.getByTestId('kpm-submit').isDisabled()).resolves.toBe(true);
  await page.getByRole('button', { name: 'Periksa dulu' }).click();
  await expect(page.getByTestId('kpm-report-summary').textContent()).resolves.toContain('Semua 2 baris benar: 2 baru');
  // The check wrote nothing either.
  expect(await listedKpm(first.id_kpm)).toEqual([]);
  await page.getByRole('button', { name: 'Impor', exact: true }).click();
  await notified(page, 'Daftar KPM diimpor');
  await expect(page.getByTestId('kpm-result').textContent()).resolves.toContain('Diimpor: 2 baru, 0 berubah, 0 tetap.');
  expect((await listedKpm(first.id_kpm)).map((k) => k.pengurusName)).toEqual([first.nama_pengurus]);
  expect((await listedKpm(second.id_kpm)).map((k) => k.pengurusName)).toEqual([second.nama_pengurus]);

  for (const [row, words] of [
    [first, ['KKS (bank Himbara)', 'BRI', 'PKH', 'Aktif']],
    [second, ['PT Pos (tunai)', 'PKH', 'Aktif']],
  ] as const) {
    await go(page, `/sembako-kpm?filter=${encodeURIComponent(JSON.stringify({ idKpm: row.id_kpm }))}`);
    await listShowsOnly(page, row.nama_pengurus, 1);
    // The desa by name once its lookup has answered (the code shows meanwhile).
    const desaName = await regionName(row.kode_desa);
    await page.locator('tbody tr').first().getByText(desaName).waitFor();
    const text = await page.locator('tbody tr').first().innerText();
    for (const w of words) expect(text).toContain(w);
  }
  await shot(page, 'sembako-kpm-list');
  await page.context().close();
});

test('a kabupaten supervisor opens a distribution period through the form and finds it in the list and on its page', async () => {
  const period = freshPeriod();
  const pointName = uniqueName('E-Warong');
  const page = await signIn(browser, 'supervisor1');
  await go(page, '/sembako-periods/create');
  const form = page.locator('form');
  // Empty: no kecamatan, month or point chosen for the supervisor.
  await expect(form.locator('input[name="period"]').inputValue()).resolves.toBe('');
  await choose(page, /Kecamatan/, /Sidorejo/);
  await form.locator('input[name="period"]').fill(period);
  await page.getByRole('button', { name: 'Tambah' }).click();
  await form.locator('input[name="distributionPoints.0.name"]').fill(pointName);
  await choose(page, /Jenis/, 'E-warong');
  const desa = await regionName('33.73.01.1001');
  await choose(page, /Desa\/kelurahan/, desa);
  await page.getByRole('button', { name: 'Simpan' }).click();

  const label = periodLabel(period, 'id');
  await page.getByText(`Periode ${label}`).first().waitFor();
  const points = page.getByTestId('period-points');
  // The POST's answer (no points yet) shows first, then the period as listed.
  await points.getByText(pointName).waitFor();
  await expect(points.innerText()).resolves.toMatch(new RegExp(`${pointName}\\s+E-warong\\s+${desa}`));
  // Its first step is the Tikor meeting, linked to its task page.
  const tikor = page.getByRole('link', { name: 'Rapat Tikor', exact: false });
  await tikor.first().waitFor();
  await expect(page.getByText('Rapat Tikor').first().isVisible()).resolves.toBe(true);
  await shot(page, 'sembako-period-show');

  const periodId = `sembako-33.73.01-${period}`;
  const stored = await call('GET', `/api/sembako/periods?filter=${encodeURIComponent(JSON.stringify({ id: [periodId] }))}`, {
    token: await login('supervisor1'),
  });
  expect(stored.body).toHaveLength(1);
  expect(stored.body[0].points).toEqual([expect.objectContaining({ name: pointName, kind: 'e_warong', desaCode: '33.73.01.1001' })]);

  await go(page, '/sembako-periods');
  const row = page.locator('tbody tr', { hasText: label }).filter({ hasText: 'Sidorejo' });
  await row.first().waitFor();
  await expect(row.first().innerText()).resolves.toMatch(/Rapat Tikor/);
  await page.context().close();
});

test('on a 390 px phone the import report and the KPM list fit the screen', async () => {
  const page = await signIn(browser, 'tksk1', PHONE);
  const fits = async () => {
    await page.waitForFunction((max) => document.documentElement.scrollWidth <= max, PHONE.width, { timeout: 5_000 }).catch(() => undefined);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  };
  await go(page, '/sembako-kpm/create');
  await chooseFile(page, 'kpm-salah.csv', kpmCsv([kpmRow({ nik_pengurus: '123' })]));
  await page.getByRole('button', { name: 'Periksa dulu' }).click();
  await expect(page.getByTestId('kpm-row-2').textContent()).resolves.toContain('Kolom nik_pengurus');
  await fits();
  await go(page, '/sembako-kpm');
  await page.getByRole('link', { name: 'Impor KPM' }).waitFor();
  await fits();
  await page.context().close();
});
