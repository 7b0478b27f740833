// The Content-Security-Policy (api/app.ts) in a real browser: the portal signs in and renders its
// dashboard and a case list, and Swagger UI renders the API document, without a single
// violation (Chromium reports each one on the console and as a securitypolicyviolation event).
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { call, login, registration, stack } from '../support/stack';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** A page whose CSP violations (console reports and securitypolicyviolation events) are collected from its first load on. */
async function watchedPage(): Promise<{ page: Page; seen: string[] }> {
  const context = await browser.newContext({ locale: 'id-ID' });
  const seen: string[] = [];
  context.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  await context.exposeFunction('reportViolation', (v: string) => seen.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { page: await context.newPage(), seen };
}

test('the portal runs under its policy', async () => {
  expect((await call('POST', '/api/cases', { token: await login('tksk1'), body: registration() })).status).toBe(201);
  const { page, seen } = await watchedPage();
  await page.goto(`${stack().apiUrl}/admin/`);
  await page.getByLabel(/Nama pengguna/).fill('supervisor1');
  await page.getByLabel(/Kata sandi/).fill('demo');
  await page.getByRole('button', { name: /^Masuk$/ }).click();
  await page.waitForURL(/#\/$/, { timeout: 30_000 });
  await page.getByRole('menuitem', { name: 'Kasus' }).click();
  await page.waitForURL(/#\/cases/);
  await page.locator('tbody tr').first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle');
  expect(seen).toEqual([]);
  await page.context().close();
});

test('Swagger UI renders the API document under its policy', async () => {
  const { page, seen } = await watchedPage();
  await page.goto(`${stack().apiUrl}/api/docs`);
  await page.locator('.swagger-ui .info .title').filter({ hasText: 'kesos-flow API' }).waitFor({ timeout: 30_000 });
  await page.locator('.opblock').first().waitFor();
  await page.waitForLoadState('networkidle');
  expect(seen).toEqual([]);
  await page.context().close();
});
