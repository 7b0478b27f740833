// How the portal loads on a slow link, as mechanisms (the times are measured by bench/portal.ts,
// not asserted here): compressed answers when the browser asks for them, hashed assets cached for
// good and the page revalidated, the login route without the dashboard's charts, at most one
// session refresh on a cold visit, and failures said in Bahasa Indonesia by their code.
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { call, login, registration, stack } from '../support/stack';
import { fillAssessment, go, signIn } from './portal';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${stack().apiUrl}${path}`, { headers });

/** The script and stylesheet URLs the portal's page names (entry and modulepreloads). */
async function pageAssets(): Promise<string[]> {
  const html = await (await get('/admin/', { 'accept-encoding': 'identity' })).text();
  return [...html.matchAll(/(?:src|href)="(\/admin\/assets\/[^"]+)"/g)].map((m) => m[1]);
}

/** A fresh context (no cookie) whose requests are recorded from the first one on. */
async function coldContext(extraHTTPHeaders?: Record<string, string>): Promise<{ context: BrowserContext; page: Page; urls: string[] }> {
  const context = await browser.newContext({ locale: 'id-ID', extraHTTPHeaders });
  context.setDefaultTimeout(60_000);
  const urls: string[] = [];
  context.on('request', (r) => urls.push(new URL(r.url()).pathname));
  return { context, page: await context.newPage(), urls };
}

describe('compression and caching', () => {
  test('hashed assets come back brotli or gzip as asked, immutable, varying by encoding', async () => {
    const assets = await pageAssets();
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const asset of assets) {
      const br = await get(asset, { 'accept-encoding': 'br, gzip' });
      expect(br.status).toBe(200);
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(br.headers.get('content-type')).toMatch(/javascript|css/);
      const gzip = await get(asset, { 'accept-encoding': 'gzip' });
      expect(gzip.headers.get('content-encoding')).toBe('gzip');
      const plain = await get(asset, { 'accept-encoding': 'identity' });
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      // fetch decodes what it receives: each encoding carries the same script.
      const [a, b, c] = await Promise.all([br.text(), gzip.text(), plain.text()]);
      expect(a).toBe(c);
      expect(b).toBe(c);
    }
  });

  test('the page is compressed and revalidated, and shows a loading state before any script runs', async () => {
    for (const path of ['/admin/', '/admin/anything/else']) {
      const r = await get(path, { 'accept-encoding': 'br' });
      expect(r.headers.get('content-encoding')).toBe('br');
      expect(r.headers.get('cache-control')).toBe('no-cache');
      expect(await r.text()).toContain('Memuat kesos-flow…');
    }
  });

  test('API answers are compressed and still never cached', async () => {
    const token = await login('tksk1');
    const r = await get('/api/task-types', { authorization: `Bearer ${token}`, 'accept-encoding': 'br' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-encoding')).toBe('br');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(Array.isArray(await r.json())).toBe(true);
    const gzip = await get('/api/task-types', { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    // A problem document too: the portal reads its code whatever the encoding.
    const problem = await get('/api/tasks/00000000-0000-0000-0000-000000000000', { authorization: `Bearer ${token}`, 'accept-encoding': 'br' });
    expect(problem.status).toBe(404);
    expect((await problem.json()).code).toBe('not-found');
  });
});

describe('first load', () => {
  test('a cold visit without a session asks for at most one refresh and loads no charts', async () => {
    const { context, page, urls } = await coldContext();
    await page.goto(`${stack().apiUrl}/admin/#/`);
    await page.getByLabel(/Nama pengguna/).waitFor();
    await page.waitForLoadState('networkidle');
    expect(urls.filter((u) => u === '/api/auth/refresh').length).toBeLessThanOrEqual(1);
    // Nothing else of the API before signing in: no loop of auth checks.
    expect(urls.filter((u) => u.startsWith('/api/') && u !== '/api/auth/refresh')).toEqual([]);
    expect(urls.filter((u) => /\/assets\/(charts|Dashboard)-/.test(u))).toEqual([]);
    await context.close();
  });

  test("the TKSK's task list loads without the charts; the dashboard loads them when opened", async () => {
    // A bookmark of the task list: the login form, then straight back to the list.
    const { context, page, urls } = await coldContext();
    await page.goto(`${stack().apiUrl}/admin/#/tasks`);
    await page.getByLabel(/Nama pengguna/).fill('tksk1');
    await page.getByLabel(/Kata sandi/).fill('demo');
    const list = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/tasks' && r.status() === 200);
    await page.getByRole('button', { name: /^Masuk$/ }).click();
    await list;
    await page.waitForURL((url) => url.hash.startsWith('#/tasks'));
    await page.waitForLoadState('networkidle');
    expect(urls.filter((u) => /\/assets\/(charts|Dashboard)-/.test(u))).toEqual([]);
    expect(urls.filter((u) => u === '/api/auth/refresh').length).toBeLessThanOrEqual(1);
    await go(page, '/');
    await page.getByTestId('stat-open-tasks').waitFor();
    await page.waitForLoadState('networkidle');
    expect(urls.some((u) => /\/assets\/charts-/.test(u))).toBe(true);
    await context.close();
  });
});

describe('failures in Bahasa Indonesia', () => {
  test('no connection at sign-in says what to do', async () => {
    const { context, page } = await coldContext();
    await page.goto(`${stack().apiUrl}/admin/#/login`);
    await page.route('**/api/auth/login', (route) => route.abort('internetdisconnected'));
    await page.getByLabel(/Nama pengguna/).fill('tksk1');
    await page.getByLabel(/Kata sandi/).fill('demo');
    await page.getByRole('button', { name: /^Masuk$/ }).click();
    await page.getByText('Tidak terhubung ke server. Periksa sambungan internet, lalu coba lagi.').waitFor();
    await context.close();
  });

  test('a list that cannot reach the API says so in Indonesian', async () => {
    const page = await signIn(browser, 'tksk1');
    await page.route('**/api/tasks?**', (route) => route.abort('connectionreset'));
    await go(page, '/tasks');
    await page.getByText('Tidak terhubung ke server. Periksa sambungan internet, lalu coba lagi.').first().waitFor();
    await page.context().close();
  });

  test('too many failed sign-ins says how many minutes to wait', async () => {
    // An address and an account of this test alone (the API trusts X-Forwarded-For from loopback),
    // so the counters of other tests are untouched.
    const address = `10.${[...randomBytes(3)].join('.')}`;
    const username = `nobody-${randomBytes(4).toString('hex')}`;
    for (let i = 0; i < 5; i++) {
      const r = await fetch(`${stack().apiUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ username, password: 'wrong' }),
      });
      expect(r.status).toBe(401);
      expect((await r.json()).code).toBe('sign-in-failed');
    }
    const { context, page } = await coldContext({ 'X-Forwarded-For': address });
    const answers: { status: number; body: { code?: string; retryAfter?: number } }[] = [];
    page.on('response', async (r) => {
      if (r.url().endsWith('/api/auth/login')) answers.push({ status: r.status(), body: await r.json() });
    });
    await page.goto(`${stack().apiUrl}/admin/#/login`);
    await page.getByLabel(/Nama pengguna/).fill(username);
    await page.getByLabel(/Kata sandi/).fill('wrong');
    await page.getByRole('button', { name: /^Masuk$/ }).click();
    await page.getByText(/^Terlalu banyak percobaan masuk; coba lagi dalam \d+ menit\.$/).waitFor();
    expect(answers[0]).toMatchObject({ status: 429, body: { code: 'sign-in-throttled' } });
    const minutes = Math.ceil(answers[0].body.retryAfter! / 60);
    await page.getByText(`Terlalu banyak percobaan masuk; coba lagi dalam ${minutes} menit.`).waitFor();
    await context.close();
  });
});

describe('a slow link', () => {
  test('a double tap on a task form sends it once', async () => {
    const token = await login('tksk1');
    const registered = await call('POST', '/api/cases', { token, body: registration() });
    expect(registered.status).toBe(201);
    const tasks = await call('GET', `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ caseId: registered.body.id, status: 'open' }))}`, { token });
    const [asesmen] = tasks.body as { id: string; type: string }[];
    expect(asesmen.type).toBe('asesmen');

    const page = await signIn(browser, 'tksk1');
    // Each completion takes 2 s on its way to the API, as on a slow link.
    let posts = 0;
    await page.route('**/api/tasks/*/complete', async (route) => {
      posts += 1;
      await new Promise((r) => setTimeout(r, 2_000));
      await route.continue();
    });
    await go(page, `/tasks/${asesmen.id}/show`);
    const form = page.getByTestId('complete-task');
    // The form starts empty: the TKSK's own answers first.
    await fillAssessment(page, { needs: ['Kebutuhan pangan harian'], riskLevel: 'Sedang', planGoals: ['Kunjungan rumah tiap minggu'], visitCadenceDays: 7 });
    await form.getByRole('button', { name: 'Selesaikan' }).dblclick();
    // Disabled while the request is on its way (within the 2 s it is held back).
    await form.locator('button[type="submit"]:disabled').waitFor({ timeout: 1_500 });
    // The page stays on the task and says what happens next.
    await page.getByTestId('next-step').waitFor({ timeout: 30_000 });
    expect(posts).toBe(1);
    const after = await call('GET', `/api/tasks/${asesmen.id}`, { token });
    expect(after.body.status).toBe('completed');
    await page.context().close();
  });
});
