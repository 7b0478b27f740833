// Pemetaan sosial in the portal: the kabupaten supervisor opens the matrix from the menu group,
// goes to a kecamatan, drills down to a desa and reads region and category names (not codes);
// a field count recorded through the API shows in the desa's row. A TKSK reads the PSKS directory
// on a 390×844 phone.
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { openTask, toPendampingan, waitUntil } from '../support/casework';
import { call, db, login } from '../support/stack';
import { choose, fillVisit, go, menuTexts, notified, PHONE, shot, signIn, todayWib } from './portal';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

test('a supervisor opens the kecamatan’s matrix, drills down to a desa and sees names, not codes', async () => {
  const desa = '33.73.01.1005';
  const counted = await call('POST', '/api/pemetaan/counts', {
    token: await login('tksk1'),
    body: { desaCode: desa, asOf: todayWib(), counts: [{ kind: 'ppks', code: 'GLD', count: 7 }] },
  });
  expect(counted.status).toBe(201);
  const regions = await call('GET', `/api/regions?filter=${encodeURIComponent(JSON.stringify({ id: ['33.73.01', desa] }))}`, { token: await login('tksk1') });
  const nameOf = (code: string) => (regions.body as { id: string; name: string }[]).find((r) => r.id === code)!.name;

  const page = await signIn(browser, 'supervisor1');
  expect(await menuTexts(page)).toEqual(expect.arrayContaining(['Pemetaan sosial', 'Direktori PSKS']));
  await page.getByRole('menuitem', { name: 'Pemetaan sosial' }).click();
  const matrix = page.getByTestId('pemetaan-matrix');
  await matrix.waitFor();
  // Kota Salatiga's rows are its kecamatan, by name.
  await matrix.getByRole('link', { name: nameOf('33.73.01') }).click();
  await page.getByTestId('pemetaan-region').getByText(nameOf('33.73.01')).waitFor();
  await page.getByTestId('source-lapangan').click();
  const row = page.getByTestId(`pemetaan-row-${desa}`);
  await row.getByRole('link', { name: nameOf(desa) }).waitFor();
  await row.getByRole('link', { name: nameOf(desa) }).click();
  await page.getByTestId('pemetaan-region').getByText(nameOf(desa)).waitFor();
  const desaRow = page.getByTestId(`pemetaan-row-${desa}`);
  await desaRow.getByText(nameOf(desa), { exact: true }).waitFor();
  // The row is named, not coded; the chart names the category.
  expect(await desaRow.locator('td').first().innerText()).toBe(nameOf(desa));
  await page.getByTestId('pemetaan-chart').getByText('Gelandangan').waitFor();
  await shot(page, 'pemetaan-desa');
});

test('a TKSK reads the PSKS directory on a phone', async () => {
  const name = `Karang Taruna Uji Ponsel ${Date.now() % 100000}`;
  const created = await call('POST', '/api/psks', { token: await login('tksk1'), body: { typeCode: 'KT', name, desaCode: '33.73.01.1001' } });
  expect(created.status).toBe(201);
  const page = await signIn(browser, 'tksk1', PHONE);
  await go(page, `/psks?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`);
  await page.getByText(name).waitFor();
  await page.getByText('Karang Taruna', { exact: true }).first().waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.getByText(name).click();
  await page.getByText('Belum ada rujukan ke entri ini.').waitFor();
});

test('a TKSK on a 390×844 phone records a field count from the form, sees it in the matrix and opens the cell’s history', async () => {
  const desa = '33.73.01.1003';
  const count = 100 + (Date.now() % 800);
  const page = await signIn(browser, 'tksk1', PHONE);
  await go(page, `/pemetaan?region=${desa}&jenis=ppks&sumber=lapangan`);
  await page.getByTestId('pemetaan-matrix').waitFor();
  await page.getByTestId('pemetaan-count-open').click();
  const dialog = page.getByTestId('pemetaan-count-dialog');
  // Starts empty.
  expect(await dialog.locator('input[name="count"]').inputValue()).toBe('');
  expect(await dialog.locator('input[name="count"]').getAttribute('inputmode')).toBe('numeric');
  await dialog.getByRole('combobox').click();
  await page.getByRole('option', { name: 'Gelandangan', exact: true }).click();
  await dialog.locator('input[name="count"]').fill(String(count));
  await dialog.locator('input[name="asOf"]').fill(todayWib());
  await dialog.getByTestId('pemetaan-count-save').click();
  await dialog.waitFor({ state: 'hidden' });
  const cell = page.getByTestId(`pemetaan-cell-${desa}-GLD`);
  await cell.getByText(String(count)).waitFor();
  await cell.getByText(todayWib()).waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await cell.click();
  const history = page.getByTestId('pemetaan-history');
  await history
    .getByRole('cell', { name: String(count), exact: true })
    .first()
    .waitFor();
  await history.getByText('Hitungan lapangan').first().waitFor();
  await shot(page, 'pemetaan-cell-history');
});

test('a supervisor corrects a PSKS entry: only the changed fields are sent, the page shows them, the audit names them', async () => {
  const name = `LKS Uji Ubah ${Date.now() % 100000}`;
  const created = await call('POST', '/api/psks', {
    token: await login('tksk1'),
    body: { typeCode: 'LKS', name, desaCode: '33.73.01.1002', contactPhone: '081234500011' },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const page = await signIn(browser, 'supervisor1');
  await go(page, `/psks/${id}/show`);
  await page.getByText(name).first().waitFor();
  await page.getByRole('link', { name: 'Ubah' }).click();
  const capacity = page.locator('input[name="capacity"]');
  await capacity.waitFor();
  // The type is the entry's own and cannot be changed.
  await expect(page.locator('input[name="typeCode"]').isDisabled()).resolves.toBe(true);
  const sent = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().endsWith(`/api/psks/${id}`));
  await capacity.fill('35');
  await page.locator('input[name="contactPhone"]').fill('081234500022');
  await page.getByRole('button', { name: 'Simpan' }).click();
  expect(JSON.parse((await sent).postData() ?? '{}')).toEqual({ capacity: 35, contactPhone: '081234500022' });
  await page.waitForURL((url) => url.hash.endsWith(`/psks/${id}/show`));
  await page.getByText('081234500022').waitFor();
  const after = await call('GET', `/api/psks/${id}`, { token: await login('supervisor1') });
  expect(after.body).toMatchObject({ name, capacity: 35, contactPhone: '081234500022' });
  const sql = db();
  const audit = await sql<{ details: { changed: string[] } }[]>`
    SELECT details FROM audit_log WHERE action = 'psks.updated' AND entity_type = 'psks_entry' AND entity_id = ${id}`.finally(() => sql.end());
  expect(audit.map((a) => [...a.details.changed].sort())).toEqual([['capacity', 'contactPhone']]);
});

test('a TKSK on a phone refers a case to a PSKS entry picked from the directory by name; the entry lists the referral', async () => {
  const name = `LKS Uji Rujukan ${Date.now() % 100000}`;
  const created = await call('POST', '/api/psks', { token: await login('tksk1'), body: { typeCode: 'LKS', name, desaCode: '33.73.01.1001' } });
  expect(created.status).toBe(201);
  const psksId = created.body.id as string;
  const caseId = await toPendampingan('tksk1', 'supervisor1');
  const visit = await openTask(caseId, 'pendampingan_visit', 'tksk1');

  const page = await signIn(browser, 'tksk1', PHONE);
  await go(page, `/tasks/${visit.id}/show`);
  await fillVisit(page, { outcome: 'Rujuk', observations: 'Lansia tinggal sendiri, perlu pengasuhan harian.' });
  const referral = page.getByTestId('fieldset-data.referral');
  await referral.waitFor();
  await choose(page, /Jenis tujuan rujukan/, 'Lembaga Kesejahteraan Sosial (LKS)');
  await page.getByLabel(/Nama lembaga tujuan/).fill(name);
  await referral.getByLabel(/Alasan/).fill('Perlu pengasuhan harian di panti');
  await choose(page, /Urgensi/, 'Sedang');
  // The directory entry is searched by name and shown with its type by name, never as an id.
  const picker = page.getByRole('combobox', { name: /Entri direktori PSKS tujuan/ });
  await picker.fill(name.split(' ').slice(-1)[0]);
  await page.getByRole('option', { name: `${name} — Lembaga Kesejahteraan Sosial` }).click();
  await expect(picker.inputValue()).resolves.toBe(`${name} — Lembaga Kesejahteraan Sosial`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.getByRole('button', { name: 'Selesaikan' }).click();
  await notified(page, 'Tugas diselesaikan');

  const referred = await waitUntil('the referral', async () => {
    const r = await call('GET', `/api/psks/${psksId}`, { token: await login('tksk1') });
    return r.body.referrals?.length === 1 ? r.body : undefined;
  });
  expect(referred.referrals[0]).toMatchObject({ caseId, status: 'open', answered: false });
  await go(page, `/psks/${psksId}/show`);
  await page.getByTestId('psks-referrals').getByText('belum dijawab', { exact: false }).waitFor();
});
