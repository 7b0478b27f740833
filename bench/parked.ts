// npm run bench:parked: BENCH_PARKED (default 10,000) cases driven into pendampingan, where they
// wait on their visit deadlines (durable timers); reports the worker's RSS and the Temporal
// database size, against the 1 GB target.
import fs from 'node:fs';
import path from 'node:path';
import { ApiClient, runMany, benchRegistration } from './driver';
import { machine, runBenchmark } from './harness';

const PARKED = Number(process.env.BENCH_PARKED ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);

function rssOf(pid: number | undefined): number {
  if (!pid) return NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
}

runBenchmark('parked', `parked-cases benchmark — ${PARKED} cases`, async (stack, log) => {
  const api = new ApiClient({ baseUrl: stack.baseUrl, retryForMs: 120_000 });
  const before = rssOf(stack.worker.pid);
  const t = performance.now();
  let last = 0;
  const r = await runMany(
    PARKED,
    CONCURRENCY,
    async () => {
      const c = await api.request('POST /api/cases', 'POST', '/api/cases', { user: 'tksk1', body: benchRegistration() });
      const wf = `case-${c.body.id}`;
      await api.complete('tksk1', wf, 'asesmen', {
        data: { needs: ['Kebutuhan makan harian'], riskLevel: 'sedang', planGoals: ['Terdaftar bantuan pangan'], visitCadenceDays: 14 },
      });
      await api.complete('supervisor1', wf, 'assessment_approval', { outcome: 'approve', data: {} });
      return c.body.id;
    },
    (n) => {
      if (n - last >= PARKED / 10) {
        last = n;
        log(`  ${n}/${PARKED} parked, worker RSS ${(rssOf(stack.worker.pid) / 2 ** 20).toFixed(0)} MiB`);
      }
    },
  );
  const seconds = (performance.now() - t) / 1000;
  await new Promise((res) => setTimeout(res, 5_000)); // let caches settle
  const rss = rssOf(stack.worker.pid);
  const dbFile = path.join(stack.dataDir, 'temporal', 'temporal.db');
  const dbBytes = ['', '-wal', '-shm'].reduce((n, s) => n + (fs.existsSync(dbFile + s) ? fs.statSync(dbFile + s).size : 0), 0);
  const result = {
    machine: machine(),
    parked: r.ids.length,
    errors: r.errors.length,
    seconds,
    workerRssBefore: before,
    workerRss: rss,
    temporalDbBytes: dbBytes,
  };
  const md = [
    `Parked cases, ${new Date().toISOString()} — ${machine()}`,
    '',
    `| cases in pendampingan (waiting on timers) | worker RSS | Temporal DB (SQLite) | time to park |`,
    '|---|---|---|---|',
    `| ${r.ids.length} (${r.errors.length} errors) | ${(rss / 2 ** 20).toFixed(0)} MiB (idle: ${(before / 2 ** 20).toFixed(0)} MiB) | ${(dbBytes / 2 ** 20).toFixed(0)} MiB | ${seconds.toFixed(0)} s |`,
    '',
    `Target: worker RSS ≤ 1 GB — ${rss <= 2 ** 30 ? 'met' : 'missed'}.`,
    '',
  ].join('\n');
  return { json: result, markdown: md };
});
