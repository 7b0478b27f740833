// npm run bench:portal: the portal on a slow phone link. Chromium (playwright-core) with CDP's
// Network.emulateNetworkConditions — 300 ms round trip, 1.6 Mbit/s down, 750 kbit/s up (a
// typical 3G link) — at a phone's viewport, measures for a TKSK who opens a bookmark of the task list:
//   cold      a fresh browser (no cache, no cookie) until the login form can be typed into;
//   login     from pressing Masuk until the task list shows its rows;
//   warm      a reload of the signed-in page (cache and cookie kept) until the rows show again;
// each with the bytes transferred (CDP encodedDataLength: headers and bodies as they travelled).
// The baseline in the same run is the same page with compression refused (Accept-Encoding:
// identity), i.e. the build without the compression this portal now has. BENCH_PORTAL_RUNS
// (default 3) runs each, the median is reported; BENCH_CPU_SLOWDOWN (default 1) adds CDP CPU
// throttling (4 ≈ a mid-range phone). Targets: login usable ≤ 5 s cold, task list ≤ 3 s after login.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { exampleRegistrationWithSerial } from '../domain/case';
import { buildAdminIfNeeded } from '../infra/stack';
import { ApiClient } from './driver';
import { runBenchmark } from './harness';

const RUNS = Number(process.env.BENCH_PORTAL_RUNS ?? 3);
const CPU_SLOWDOWN = Number(process.env.BENCH_CPU_SLOWDOWN ?? 1);
const LINK = { latency: 300, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const TARGETS = { coldMs: 5_000, loginMs: 3_000 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PHONE = { width: 390, height: 844 };
const ROWS = 'tbody tr, [data-testid="task-list-mobile"] li';

interface Sample {
  ms: number;
  bytes: number;
  requests: number;
}
interface Run {
  cold: Sample;
  login: Sample;
  warm: Sample;
}

/** Bytes and requests seen by a page's CDP session, counted from `reset()`. */
async function meter(page: Page, context: BrowserContext): Promise<{ cdp: CDPSession; reset(): void; read(): { bytes: number; requests: number } }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...LINK });
  if (CPU_SLOWDOWN > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests += 1;
  });
  return {
    cdp,
    reset() {
      bytes = 0;
      requests = 0;
    },
    read: () => ({ bytes, requests }),
  };
}

async function oneRun(browser: Browser, baseUrl: string, identity: boolean): Promise<Run> {
  // identity: the browser refuses compressed answers (the baseline); otherwise its usual "gzip, deflate, br, zstd".
  const context = await browser.newContext({ viewport: PHONE, locale: 'id-ID', extraHTTPHeaders: identity ? { 'Accept-Encoding': 'identity' } : undefined });
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  const m = await meter(page, context);
  try {
    let t = performance.now();
    await page.goto(`${baseUrl}/admin/#/tasks`, { waitUntil: 'commit' });
    const user = page.getByLabel(/Nama pengguna/);
    await user.waitFor({ state: 'visible' });
    await user.fill('tksk1');
    const cold = { ms: performance.now() - t, ...m.read() };
    await page.getByLabel(/Kata sandi/).fill('demo');

    m.reset();
    t = performance.now();
    await page.getByRole('button', { name: /^Masuk$/ }).click();
    await page.locator(ROWS).first().waitFor({ state: 'visible' });
    const login = { ms: performance.now() - t, ...m.read() };

    m.reset();
    t = performance.now();
    await page.reload({ waitUntil: 'commit' });
    await page.locator(ROWS).first().waitFor({ state: 'visible' });
    const warm = { ms: performance.now() - t, ...m.read() };
    return { cold, login, warm };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medianSample = (samples: Sample[]): Sample => ({
  ms: median(samples.map((s) => s.ms)),
  bytes: median(samples.map((s) => s.bytes)),
  requests: median(samples.map((s) => s.requests)),
});

/** The JavaScript a cold visit to the login form loads (the page's entry and preloads) against all of the build's. */
function bundleSplit(dist: string) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/admin\/assets\/([^"]+\.js)"/g)].map((x) => x[1]);
  const assets = path.join(dist, 'assets');
  const all = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
  const size = (files: string[], suffix = '') => files.reduce((n, f) => n + fs.statSync(path.join(assets, f + suffix)).size, 0);
  return { initialJs: size(initial), initialJsBrotli: size(initial, '.br'), allJs: size(all), chunks: all.length, initialChunks: initial.length };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

runBenchmark('portal', 'portal on a 3G link', async (stack, log) => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  const dist = path.join(__dirname, '..', 'admin', 'dist');
  // As npm start does: built when missing or older than its sources (the API reads the files per request).
  buildAdminIfNeeded('auto', log);
  // A few open tasks for tksk1, so the list has rows to wait for.
  const api = new ApiClient({ baseUrl: stack.baseUrl });
  for (let i = 1; i <= 3; i++) {
    const r = await api.request('register', 'POST', '/api/cases', { user: 'tksk1', body: exampleRegistrationWithSerial(9000 + i) });
    if (r.status !== 201) throw new Error(`registration answered ${r.status}: ${JSON.stringify(r.body)}`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'] });
  const results: Record<'compressed' | 'baseline', Run[]> = { compressed: [], baseline: [] };
  try {
    // Alternating, so a slower minute of the shared machine does not fall on one variant only.
    for (let i = 0; i < RUNS; i++) {
      for (const variant of ['compressed', 'baseline'] as const) {
        const run = await oneRun(browser, stack.baseUrl, variant === 'baseline');
        results[variant].push(run);
        log(
          `${variant} #${i + 1}: cold ${s(run.cold.ms)} (${kb(run.cold.bytes)}), login ${s(run.login.ms)} (${kb(run.login.bytes)}), warm ${s(run.warm.ms)} (${kb(run.warm.bytes)})`,
        );
      }
    }
  } finally {
    await browser.close();
  }
  const summary = Object.fromEntries(
    (['compressed', 'baseline'] as const).map((v) => [
      v,
      {
        cold: medianSample(results[v].map((r) => r.cold)),
        login: medianSample(results[v].map((r) => r.login)),
        warm: medianSample(results[v].map((r) => r.warm)),
      },
    ]),
  ) as Record<'compressed' | 'baseline', Record<keyof Run, Sample>>;
  const split = bundleSplit(dist);
  const c = summary.compressed;
  const b = summary.baseline;
  const rows = (['cold', 'login', 'warm'] as const).map((k) => {
    const label = { cold: 'cold load → login form usable', login: 'Masuk → task list rows', warm: 'warm reload → task list rows' }[k];
    return `| ${label} | ${s(c[k].ms)} | ${kb(c[k].bytes)} | ${s(b[k].ms)} | ${kb(b[k].bytes)} | ${(c[k].ms / b[k].ms).toFixed(2)} | ${(c[k].bytes / Math.max(1, b[k].bytes)).toFixed(2)} |`;
  });
  const met = (ok: boolean) => (ok ? 'met' : 'missed');
  const markdown = [
    `Link: ${LINK.latency} ms RTT, 1.6 Mbit/s down, 750 kbit/s up; viewport 390×844; CPU slowdown ${CPU_SLOWDOWN}×; median of ${RUNS} runs each.`,
    '',
    '| step | compressed | bytes | baseline (identity) | bytes | time ratio | bytes ratio |',
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Targets: login usable ≤ 5 s cold — ${met(c.cold.ms <= TARGETS.coldMs)} (${s(c.cold.ms)}); task list ≤ 3 s after login — ${met(c.login.ms <= TARGETS.loginMs)} (${s(c.login.ms)}).`,
    `Code splitting: the login route loads ${split.initialChunks} of ${split.chunks} chunks, ${kb(split.initialJs)} of ${kb(split.allJs)} of JavaScript (${kb(split.initialJsBrotli)} brotli).`,
  ].join('\n');
  return { json: { link: LINK, cpuSlowdown: CPU_SLOWDOWN, runs: RUNS, summary, all: results, split }, markdown };
});
