// People and places by name: the case page names the TKSK and the desa, Riwayat audit opens the
// audit log filtered to the case with actions in words and actors by name, the auditor reads the
// rows not about a case (an admin's SLA change), and registration warns about an open case of
// the same NIK before saving.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { call, login, registration } from '../support/stack';
import { fillRegistration, freshNik, go, listShowsOnly, signIn, uniqueName } from './portal';

let browser: Browser;
let caseId: string;
let nik: string;
const name = uniqueName('Nama Jelas');
beforeAll(async () => {
  browser = await launchChromium();
  nik = freshNik();
  const created = await call('POST', '/api/cases', {
    token: await login('tksk1'),
    body: registration({ beneficiary: { ...registration().beneficiary, nik, name } }),
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
});
afterAll(() => browser?.close());

test('the case page names the TKSK and the region, and Riwayat audit opens the case’s audit rows in words', async () => {
  const page: Page = await signIn(browser, 'supervisor1');
  await go(page, `/cases/${caseId}/show`);
  await page.getByTestId('case-heading').getByText(name).waitFor();
  const main = page.locator('main');
  await main.getByText('Budi Santoso (TKSK Sidorejo)').first().waitFor();
  await main
    .getByText(/Blotongan/)
    .first()
    .waitFor();
  await main
    .getByText(/Sidorejo \(33\.73\.01\)/)
    .first()
    .waitFor();
  expect(await main.innerText()).not.toContain('usr_tksk1');
  await page.getByTestId('case-audit-trail').click();
  await page.waitForURL((url) => decodeURIComponent(url.hash).startsWith('#/audit') && decodeURIComponent(url.hash).includes(caseId));
  await listShowsOnly(page, 'Kasus');
  const rows = page.locator('tbody tr').filter({ hasText: 'Kasus didaftarkan' });
  await rows.first().getByText('Budi Santoso (TKSK Sidorejo)').waitFor();
  await page.getByTestId('audit-scope').waitFor();
  await page.context().close();
});

test('the auditor reads an admin’s SLA change, by name, with its details labelled', async () => {
  const set = await call('PUT', '/api/admin/sla-policies', {
    token: await login('admin'),
    body: { taskType: 'asesmen', regionCode: '34.71', duePeriod: 'P5D', workingDays: true },
  });
  expect(set.status).toBeLessThan(300);
  const page = await signIn(browser, 'auditor1');
  await go(page, `/audit?filter=${encodeURIComponent(JSON.stringify({ action: 'policy.sla_set' }))}`);
  await listShowsOnly(page, 'Tenggat SLA diubah');
  const row = page.locator('tbody tr').filter({ hasText: 'Tenggat SLA diubah' }).first();
  await row.getByText('Administrator Sistem').waitFor();
  await row.getByTestId('audit-details-toggle').click();
  // Labelled fields, not JSON: the SLA's task type and due period.
  await row.getByTestId('audit-details').getByText('Jenis tugas').waitFor();
  await page.context().close();
});

test('registration warns, before saving, that the NIK already has an open case, with a link to it', async () => {
  const page = await signIn(browser, 'tksk1');
  await fillRegistration(page, { name, address: 'Jl. Kartini 3', desaCode: '33.73.01.1002', summary: 'Lansia yang sama didaftarkan ulang.', nik });
  const warning = page.getByTestId('nik-open-cases');
  await warning.getByText('NIK ini sudah terdaftar pada kasus terbuka').waitFor();
  expect(await warning.getByRole('link').first().getAttribute('href')).toContain(caseId);
  await page.context().close();
});
