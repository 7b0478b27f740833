// The portal in a real Chromium against the real stack: log in as tksk1 (Bahasa Indonesia by
// default) and see the case list with a case registered through the API.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { call, login, registration, stack } from '../support/stack';

let browser: Browser;
const shots = path.join(__dirname, '..', 'artifacts', 'screenshots');

beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
});
afterAll(() => browser?.close());

test('tksk1 logs in and sees the case list in Bahasa Indonesia', async () => {
  const created = await call('POST', '/api/cases', { token: await login('tksk1'), body: registration() });
  expect(created.status).toBe(201);

  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${stack().apiUrl}/admin/`);
  await page.getByLabel(/Nama pengguna/).fill('tksk1');
  await page.getByLabel(/Kata sandi/).fill('demo');
  await page.getByRole('button', { name: /Masuk/ }).click();
  // The dashboard first, then the case list from the menu.
  await page.getByTestId('dashboard').waitFor({ timeout: 30_000 });
  await page.getByRole('menuitem', { name: 'Kasus saya' }).click();
  await page.getByText('Siti Aminah').first().waitFor({ timeout: 30_000 });
  // Masked NIK in the list; the registered case's status in Indonesian.
  await page.getByText(/3373\*{8}\d{4}/).first().waitFor();
  await page.getByText('Asesmen').first().waitFor();
  await page.screenshot({ path: path.join(shots, 'cases-list.png') });
  await page.close();
});

test('a wrong password is refused with a message', async () => {
  const page = await browser.newPage();
  await page.goto(`${stack().apiUrl}/admin/`);
  await page.getByLabel(/Nama pengguna/).fill('tksk1');
  await page.getByLabel(/Kata sandi/).fill('salah');
  await page.getByRole('button', { name: /Masuk/ }).click();
  await page.getByText(/Gagal masuk/).waitFor({ timeout: 15_000 });
  expect(page.url()).toMatch(/login/);
  await page.close();
});
