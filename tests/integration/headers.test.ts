// Response headers that protect personal data in the browser: a Content-Security-Policy on the
// portal and the API docs (no foreign scripts, no framing), and no caching of any /api answer
// (a shared computer or a proxy must not keep a case page); the portal's hashed assets stay cacheable.
import { call, login, stack } from '../support/stack';

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${stack().apiUrl}${path}`, { headers, redirect: 'manual' });

/** The policy as directive → sources. */
function csp(res: Response): Record<string, string[]> {
  const header = res.headers.get('content-security-policy');
  expect(header).toBeTruthy();
  return Object.fromEntries(
    header!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

test('the portal is served with a Content-Security-Policy: own scripts only, no framing, no plugins', async () => {
  const page = await get('/admin/');
  expect(page.status).toBe(200);
  const policy = csp(page);
  expect(policy).toMatchObject({
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"], // MUI/emotion inserts <style> elements at run time
    'img-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
  });
  expect(policy['script-src']).not.toContain("'unsafe-inline'");
  expect(policy['script-src']).not.toContain("'unsafe-eval'");
  // Every script the page loads is its own.
  const html = await page.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toMatch(/src="\/admin\//);
  // A hashed asset may be cached by the browser; the page itself is revalidated.
  const asset = /src="(\/admin\/assets\/[^"]+\.js)"/.exec(html)![1];
  const js = await get(asset);
  expect(js.status).toBe(200);
  expect(js.headers.get('cache-control')).toMatch(/max-age=31536000/);
  expect(page.headers.get('cache-control')).toBe('no-cache');
});

test('the API docs (Swagger UI) have a policy that lets them run from local files', async () => {
  const page = await get('/api/docs');
  expect(page.status).toBe(200);
  const policy = csp(page);
  expect(policy['script-src']).toEqual(["'self'"]);
  expect(policy['frame-ancestors']).toEqual(["'none'"]);
  const html = await page.text();
  for (const src of [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1])) expect((await get(src)).status).toBe(200);
});

test('no /api answer may be cached: success, problem, list, docs', async () => {
  const token = await login('supervisor1');
  const answers = [
    await call('GET', '/api/cases', { token }),
    await call('GET', '/api/me', { token }),
    await call('GET', '/api/cases/00000000-0000-4000-8000-000000000000', { token }),
    await call('GET', '/api/cases'),
    await call('POST', '/api/auth/login', { body: { username: 'nobody-at-all', password: 'x' } }),
    await call('GET', '/api/openapi.json'),
    await call('GET', '/api/no-such-route'),
    await call('GET', '/api/docs'),
    await call('GET', '/api/docs/assets/swagger-ui.css'),
  ];
  expect(answers.map((r) => r.status)).toEqual([200, 200, 404, 401, 401, 200, 404, 200, 200]);
  for (const r of answers) expect(r.headers.get('cache-control')).toBe('no-store');
});
