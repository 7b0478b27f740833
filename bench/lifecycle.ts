// npm run bench: BENCH_CASES (default 500) cases through the full lifecycle over HTTP with
// BENCH_CONCURRENCY (default 20) virtual users, and in the same run a baseline driving the same
// lifecycle shape (same Updates, a child workflow) straight through the Temporal client against
// the same server, without HTTP, PostgreSQL projections or validation (bench/baseline/: its own
// workflows and worker process, on its own task queue); then a paced run (the same
// users pausing before each decision). Prints throughput, latency percentiles per endpoint, CPU
// per process and, last, `ratio api/raw: <x>`.
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { dataConverter, payloadCodecFromEnv } from '../infra/codec';
import { BASELINE_TASK_QUEUE, rawStepUpdate } from './baseline/definitions';
import type { rawLifecycleWorkflow } from './baseline/workflows';
import { COMPONENTS, cpuBetween, cpuSample } from './cpu';
import { ApiClient, percentile, runCaseLifecycle, runMany, type Latencies } from './driver';
import { machine, runBenchmark } from './harness';

const CASES = Number(process.env.BENCH_CASES ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
/** The paced run: the same users, each pausing before every decision as a person would (longer, in life). */
const PACED_CASES = Number(process.env.BENCH_PACED_CASES ?? 40);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 5_000);
/** HTTP requests that change state per case: registration + 7 task completions. */
const STEPS_PER_CASE = 8;

function progress(label: string, total: number) {
  let last = 0;
  return (n: number) => {
    const pct = Math.floor((n / total) * 10);
    if (pct > last || n === total) {
      last = pct;
      process.stdout.write(`  ${label}: ${n}/${total}\n`);
    }
  };
}

runBenchmark(
  'lifecycle',
  `lifecycle benchmark — ${CASES} cases, ${CONCURRENCY} virtual users`,
  async (stack, log) => {
    const latencies: Latencies = new Map();
    const api = new ApiClient({ baseUrl: stack.baseUrl, latencies, retryForMs: 120_000 });
    await api.request('policy', 'PUT', '/api/admin/case-policies', { user: 'admin', body: { key: 'aftercare_delay', regionCode: '33.73', value: 'PT0S' } });
    for (const u of ['tksk1', 'supervisor1']) await api.token(u);
    latencies.clear();

    // Warm-up (bundle caches, JIT, connection pools), not measured.
    await runMany(Math.min(10, CASES), Math.min(5, CONCURRENCY), () => runCaseLifecycle(api));
    latencies.clear();

    log('API path (HTTP → Update → workflow → activities → PostgreSQL):');
    const t0 = performance.now();
    const cpu0 = cpuSample();
    const viaApi = await runMany(CASES, CONCURRENCY, () => runCaseLifecycle(api), progress('api', CASES));
    const apiSeconds = (performance.now() - t0) / 1000;
    const apiCpu = cpuBetween(cpu0, cpuSample());
    if (viaApi.errors.length) log(`  ${viaApi.errors.length} errors, first: ${viaApi.errors[0]}`);

    log('Baseline (Temporal client → bare workflow, same Updates and child, no HTTP, no PostgreSQL):');
    const connection = await Connection.connect({ address: stack.temporalAddress });
    // Same data converter as the worker (its results are encrypted).
    const client = new Client({ connection, dataConverter: dataConverter(payloadCodecFromEnv(stack.env, stack.dataDir, false)) });
    const rawLatencies: number[] = [];
    const rawOne = async () => {
      const id = `raw-${randomUUID()}`;
      const handle = await client.workflow.start<typeof rawLifecycleWorkflow>('rawLifecycleWorkflow', {
        workflowId: id,
        taskQueue: BASELINE_TASK_QUEUE,
        args: [7],
      });
      for (let i = 0; i < 7; i++) {
        const s = performance.now();
        await handle.executeUpdate(rawStepUpdate, { args: ['step'] });
        rawLatencies.push(performance.now() - s);
        if (i === 2) {
          // The referral's feedback goes to the child, as rujukan_feedback does.
          const child = client.workflow.getHandle(`${id}-ref`);
          for (;;) {
            try {
              await child.executeUpdate(rawStepUpdate, { args: ['feedback'] });
              break;
            } catch {
              await new Promise((r) => setTimeout(r, 20));
            }
          }
        }
      }
      await handle.result();
      return id;
    };
    await runMany(Math.min(10, CASES), Math.min(5, CONCURRENCY), rawOne);
    rawLatencies.length = 0;
    const t1 = performance.now();
    const cpu1 = cpuSample();
    const raw = await runMany(CASES, CONCURRENCY, rawOne, progress('raw', CASES));
    const rawSeconds = (performance.now() - t1) / 1000;
    const rawCpu = cpuBetween(cpu1, cpuSample());
    if (raw.errors.length) log(`  ${raw.errors.length} errors, first: ${raw.errors[0]}`);
    await connection.close();

    // Back to back, latency is just concurrency ÷ throughput (Little's law) on a saturated box;
    // paced, it shows what a user waits for when the machine is not saturated.
    log(`Paced (${CONCURRENCY} users, pausing ${THINK_MS} ms ±50% before each action):`);
    const pacedLatencies: Latencies = new Map();
    const paced = new ApiClient({ baseUrl: stack.baseUrl, latencies: pacedLatencies, retryForMs: 120_000, thinkMs: THINK_MS });
    for (const u of ['tksk1', 'supervisor1']) await paced.token(u);
    pacedLatencies.clear();
    const pacedRun = await runMany(PACED_CASES, CONCURRENCY, () => runCaseLifecycle(paced), progress('paced', PACED_CASES));
    if (pacedRun.errors.length) log(`  ${pacedRun.errors.length} errors, first: ${pacedRun.errors[0]}`);

    const apiRate = viaApi.ids.length / apiSeconds;
    const rawRate = raw.ids.length / rawSeconds;
    const table = (l: Latencies) =>
      [...l.entries()]
        .filter(([name]) => name !== 'policy')
        .map(([name, v]) => ({ endpoint: name, n: v.length, p50: percentile(v, 50), p95: percentile(v, 95), p99: percentile(v, 99) }))
        .sort((a, b) => b.n - a.n);
    const endpoints = table(latencies);
    const pacedEndpoints = table(pacedLatencies);
    const result = {
      machine: machine(),
      cases: CASES,
      concurrency: CONCURRENCY,
      api: {
        completed: viaApi.ids.length,
        errors: viaApi.errors.length,
        seconds: apiSeconds,
        casesPerMinute: apiRate * 60,
        stepsPerSecond: (viaApi.ids.length * STEPS_PER_CASE) / apiSeconds,
        endpoints,
      },
      raw: {
        completed: raw.ids.length,
        errors: raw.errors.length,
        seconds: rawSeconds,
        casesPerMinute: rawRate * 60,
        stepsPerSecond: (raw.ids.length * STEPS_PER_CASE) / rawSeconds,
        updateP50: percentile(rawLatencies, 50),
        updateP95: percentile(rawLatencies, 95),
        updateP99: percentile(rawLatencies, 99),
      },
      paced: { cases: PACED_CASES, thinkMs: THINK_MS, errors: pacedRun.errors.length, endpoints: pacedEndpoints },
      /** CPU seconds per component during each measured phase (where the time goes). */
      cpu: { api: apiCpu, raw: rawCpu },
      ratio: apiRate / rawRate,
      at: new Date().toISOString(),
    };
    const f = (n: number) => n.toFixed(1);
    const md = [
      `Lifecycle benchmark, ${result.at} — ${result.machine}`,
      '',
      `${CASES} cases × ${STEPS_PER_CASE} steps, ${CONCURRENCY} virtual users.`,
      '',
      '| path | cases/min | steps/s | errors |',
      '|---|---|---|---|',
      `| API (HTTP + projections) | ${f(result.api.casesPerMinute)} | ${f(result.api.stepsPerSecond)} | ${result.api.errors} |`,
      `| raw Temporal baseline | ${f(result.raw.casesPerMinute)} | ${f(result.raw.stepsPerSecond)} | ${result.raw.errors} |`,
      '',
      '| endpoint | n | p50 ms | p95 ms | p99 ms |',
      '|---|---|---|---|---|',
      ...endpoints.map((e) => `| ${e.endpoint} | ${e.n} | ${f(e.p50)} | ${f(e.p95)} | ${f(e.p99)} |`),
      `| raw Update (baseline) | ${rawLatencies.length} | ${f(result.raw.updateP50)} | ${f(result.raw.updateP95)} | ${f(result.raw.updateP99)} |`,
      '',
      `Paced: ${CONCURRENCY} users, each pausing ${THINK_MS} ms ±50% before every action, ${PACED_CASES} cases (${pacedRun.errors.length} errors):`,
      '',
      '| endpoint | n | p50 ms | p95 ms | p99 ms |',
      '|---|---|---|---|---|',
      ...pacedEndpoints.map((e) => `| ${e.endpoint} | ${e.n} | ${f(e.p50)} | ${f(e.p95)} | ${f(e.p99)} |`),
      '',
      'CPU per case, by process (ms; the machine has 2 cores for all of them):',
      '',
      '| process | API path | raw baseline |',
      '|---|---|---|',
      ...COMPONENTS.map((c) => `| ${c} | ${f((apiCpu[c] * 1000) / Math.max(1, viaApi.ids.length))} | ${f((rawCpu[c] * 1000) / Math.max(1, raw.ids.length))} |`),
      `| total | ${f((COMPONENTS.reduce((t, c) => t + apiCpu[c], 0) * 1000) / Math.max(1, viaApi.ids.length))} | ${f((COMPONENTS.reduce((t, c) => t + rawCpu[c], 0) * 1000) / Math.max(1, raw.ids.length))} |`,
      '',
      `ratio api/raw: ${result.ratio.toFixed(2)}`,
      '',
    ].join('\n');
    return { json: result, markdown: md };
  },
  { baselineWorker: true },
);
