// The portal in a real Chromium against the real stack: log in as tksk1 (Bahasa Indonesia by
// default) and see the case list with a case registered through the API.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { call, db, login, registration, signedInTksk, stack } from '../support/stack';

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
  await page
    .getByText(/3373\*{8}\d{4}/)
    .first()
    .waitFor();
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

test('an account whose password someone else chose must choose its own first, then works as usual', async () => {
  const { id, username } = await signedInTksk('33.73.01');
  const sql = db();
  try {
    await sql`UPDATE users SET must_change_password = true WHERE id = ${id}`;
  } finally {
    await sql.end();
  }
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${stack().apiUrl}/admin/`);
  await page.getByLabel(/Nama pengguna/).fill(username);
  await page.getByLabel(/Kata sandi/).fill('sandi-cukup-panjang');
  await page.getByRole('button', { name: /Masuk/ }).click();
  const form = page.getByTestId('change-password');
  await form.waitFor({ timeout: 30_000 });
  await form.getByText(/dibuat oleh orang lain/).waitFor();
  // Elsewhere in the portal it is sent back here (the API refuses everything else).
  await page.goto(`${stack().apiUrl}/admin/#/tasks`);
  await form.waitFor({ timeout: 30_000 });
  await page.getByLabel('Kata sandi sekarang', { exact: false }).fill('salah-sekali');
  await page.getByLabel(/^Kata sandi baru/).fill('sandi-pilihan-sendiri-01');
  await page.getByLabel(/^Ulangi kata sandi baru/).fill('sandi-pilihan-sendiri-01');
  await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await form.getByText('Kata sandi sekarang salah').waitFor();
  await page.getByLabel('Kata sandi sekarang', { exact: false }).fill('sandi-cukup-panjang');
  await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await page.getByText('Kata sandi diganti').waitFor();
  await page.getByTestId('dashboard').waitFor({ timeout: 30_000 });
  expect((await call('POST', '/api/auth/login', { body: { username, password: 'sandi-pilihan-sendiri-01' } })).body.mustChangePassword).toBe(false);
  await context.close();
});

describe('the session in the browser', () => {
  test('the first visit shows the login form at once: one session check, no loop', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Counts what the session code does while the login form is up.
    await page.addInitScript(() => {
      const w = window as unknown as { storageWrites: number };
      w.storageWrites = 0;
      for (const name of ['removeItem', 'setItem'] as const) {
        const original = Storage.prototype[name] as (...a: unknown[]) => unknown;
        Storage.prototype[name] = function (this: Storage, ...args: unknown[]) {
          w.storageWrites++;
          return original.apply(this, args);
        } as never;
      }
    });
    let refreshes = 0;
    page.on('request', (r) => {
      if (r.url().includes('/api/auth/refresh')) refreshes++;
    });
    const started = Date.now();
    await page.goto(`${stack().apiUrl}/admin/`);
    await page.getByLabel(/Nama pengguna/).waitFor({ timeout: 15_000 });
    const shownAfter = Date.now() - started;
    await page.waitForTimeout(2_000);
    const storageWrites = await page.evaluate(() => (window as unknown as { storageWrites: number }).storageWrites);
    expect({ refreshes: refreshes <= 1, storageWrites: storageWrites < 20 }).toEqual({ refreshes: true, storageWrites: true });
    expect(shownAfter).toBeLessThan(5_000);
    await context.close();
  });

  test('the refresh token is an httpOnly cookie: nothing in storage, a reload keeps the session, logout ends it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${stack().apiUrl}/admin/`);
    await page.getByLabel(/Nama pengguna/).fill('tksk1');
    await page.getByLabel(/Kata sandi/).fill('demo');
    await page.getByRole('button', { name: /^Masuk$/ }).click();
    await page.getByTestId('dashboard').waitFor({ timeout: 30_000 });

    const stored = await page.evaluate(() => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      cookie: document.cookie,
    }));
    expect(stored.local).not.toMatch(/refresh|token/i);
    expect(stored.session).not.toMatch(/refresh/i);
    expect(stored.cookie).not.toMatch(/kesos_refresh/);
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'kesos_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });

    // A reload has no access token in memory: the cookie brings the session back.
    await page.reload();
    await page.getByTestId('dashboard').waitFor({ timeout: 30_000 });
    await page.getByRole('menuitem', { name: 'Kasus saya' }).waitFor();

    await page.getByRole('button', { name: 'Profil' }).click();
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await page.waitForURL(/#\/login/, { timeout: 15_000 });
    expect((await context.cookies()).filter((c) => c.name === 'kesos_refresh')).toEqual([]);
    // The old cookie value is revoked server-side too.
    const replay = await fetch(`${stack().apiUrl}/api/auth/refresh`, {
      method: 'POST',
      headers: { cookie: `kesos_refresh=${cookie.value}`, 'x-requested-with': 'fetch' },
    });
    expect(replay.status).toBe(401);
    await page.reload();
    await page.getByLabel(/Nama pengguna/).waitFor({ timeout: 15_000 });
    await context.close();
  });
});
