// A private stack for benchmarks: embedded PostgreSQL, a Temporal dev server, worker and API
// as supervised child processes, in a throwaway data dir on free ports.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_ROLE } from '../db/roles';
import { APP_PASSWORD_SECRET, startEmbeddedPostgres, type RunningPostgres } from '../infra/embeddedPostgres';
import { freePort, freePortBlock } from '../infra/ports';
import { localSecret } from '../infra/secrets';
import { prepareDatabase, startApis, Supervised, workerProcess } from '../infra/stack';
import { startTemporalCluster, type RunningCluster } from '../infra/temporalCluster';
import { startTemporalDevServer, waitForTemporal, type RunningTemporal } from '../infra/temporalServer';
import { tlsEnv } from '../infra/temporalTls';

export interface BenchStack {
  dataDir: string;
  baseUrl: string;
  /** The cluster's superuser, for the benchmarks' own seeding and checks (the stack uses its own role). */
  databaseUrl: string;
  temporalAddress: string;
  /** The payment simulator's base URL (started with `paymentSimulator: true`). */
  paymentsUrl: string;
  env: NodeJS.ProcessEnv;
  worker: Supervised;
  api: Supervised;
  /** `dev`: the Temporal dev server; `cluster`: the real server's four services (mutual TLS), two workers. */
  temporalKind: 'dev' | 'cluster';
  /** SIGKILLs the Temporal dev server and starts it again on the same database file; on the cluster, history and frontend. */
  crashTemporal(): Promise<void>;
  /** SIGKILLs the PostgreSQL postmaster and starts it again (crash recovery). */
  crashPostgres(): Promise<void>;
  stop(): Promise<void>;
}

export interface BenchStackOptions {
  extraEnv?: NodeJS.ProcessEnv;
  /** Also run the payment simulator (stipend payments). */
  paymentSimulator?: boolean;
  /** Also run the baseline's worker (bench/baseline/worker.ts) on its own task queue. */
  baselineWorker?: boolean;
  /** Keep the data dir and process logs (also BENCH_KEEP=1). */
  keepDir?: boolean;
  /**
   * `cluster`: the real Temporal server's four services with mutual TLS instead of the dev
   * server, and two workers (also KESOS_TEST_TEMPORAL=cluster, as `npm run test:cluster` sets).
   */
  temporal?: 'dev' | 'cluster';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startBenchStack(log: (l: string) => void, o: BenchStackOptions = {}): Promise<BenchStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kesos-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const ports = { api: await freePortBlock(3), pg: await freePort(), temporal: await freePort(), payments: await freePort() };
  // Synchronous writes: lines from children stopping late can never race the folder's removal.
  const processLog = fs.openSync(path.join(dataDir, 'processes.log'), 'a');
  const write = (l: string) => {
    try {
      fs.writeSync(processLog, `${l}\n`);
    } catch {
      // closed: the run is over
    }
  };
  const pgOpts = { dir: path.join(dataDir, 'pg'), port: ports.pg };
  const temporalOpts = {
    dbFile: path.join(dataDir, 'temporal', 'temporal.db'),
    port: ports.temporal,
    namespace: 'default',
    logFile: path.join(dataDir, 'temporal.log'),
  };
  let pg: RunningPostgres = await startEmbeddedPostgres(pgOpts);
  const onCluster = (o.temporal ?? (process.env.KESOS_TEST_TEMPORAL === 'cluster' ? 'cluster' : 'dev')) === 'cluster';
  let temporal: RunningTemporal | undefined;
  let cluster: RunningCluster | undefined;
  if (onCluster) {
    cluster = await startTemporalCluster({
      adminDatabaseUrl: pg.adminUrl,
      dataDir,
      frontendPort: await freePortBlock(14),
      namespace: 'default',
      log: write,
    });
  } else {
    temporal = await startTemporalDevServer(temporalOpts);
  }
  const temporalAddress = cluster ? cluster.endpoint.address : temporal!.address;
  // The worker and the API connect as the application's role, as in `npm start`.
  const appDatabaseUrl = pg.urlFor(APP_ROLE, localSecret(dataDir, APP_PASSWORD_SECRET));
  await prepareDatabase({ adminUrl: pg.adminUrl, appUrl: appDatabaseUrl }, true, write);
  const paymentsUrl = `http://127.0.0.1:${ports.payments}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: appDatabaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    ...tlsEnv(cluster?.tlsFiles),
    DATA_DIR: dataDir,
    PORT: String(ports.api),
    JWT_SECRET: localSecret(dataDir, 'jwt-secret'),
    PAYLOAD_KEYS: `local-1:${localSecret(dataDir, 'payload-key-local-1', 32, 'base64')}`,
    PAYLOAD_KEY_ID: 'local-1',
    PAYMENT_PROVIDER_URL: paymentsUrl,
    PAYMENT_PROVIDER_TOKEN: localSecret(dataDir, 'payment-provider-token'),
    PAYMENT_SIM_PORT: String(ports.payments),
    LOG_LEVEL: 'warn',
    ...o.extraEnv,
  };
  const worker = workerProcess(env, write);
  const children = [
    ...(o.paymentSimulator ? [new Supervised('payments', 'payments/main.ts', env, write)] : []),
    ...(o.baselineWorker ? [new Supervised('baseline-worker', 'bench/baseline/worker.ts', env, write)] : []),
    // On the cluster a second worker polls beside the one the chaos run kills.
    ...(onCluster ? [workerProcess(env, write, 'worker-2')] : []),
    worker,
  ];
  for (const c of children) c.start();
  // On the cluster: two API replicas behind a round-robin proxy on the API port.
  const apis = await startApis(env, write, '127.0.0.1', ports.api, onCluster ? 2 : 1);
  const api = apis.apis[0];
  const baseUrl = apis.url;
  log(
    `stack up: ${baseUrl} on ${onCluster ? 'the Temporal cluster (4 services, mutual TLS), 2 workers, 2 APIs behind a proxy' : 'the Temporal dev server'}, data in ${dataDir}`,
  );
  return {
    dataDir,
    baseUrl,
    databaseUrl: pg.adminUrl,
    temporalAddress,
    temporalKind: onCluster ? 'cluster' : 'dev',
    paymentsUrl,
    env,
    worker,
    api,
    async crashTemporal() {
      if (cluster) {
        // The services that hold the state in memory: their supervisors start them again.
        cluster.services.history.kill('SIGKILL');
        cluster.services.frontend.kill('SIGKILL');
        await sleep(1_500);
        await waitForTemporal(cluster.endpoint);
        return;
      }
      if (temporal?.pid) process.kill(temporal.pid, 'SIGKILL');
      await sleep(1_500);
      temporal = await startTemporalDevServer(temporalOpts);
    },
    async crashPostgres() {
      const pid = Number(fs.readFileSync(path.join(pgOpts.dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGKILL');
      // Backends notice their postmaster is gone and exit; until they have, a restart is refused.
      for (let attempt = 1; ; attempt++) {
        await sleep(1_000);
        try {
          pg = await startEmbeddedPostgres(pgOpts);
          return;
        } catch (err) {
          if (attempt >= 20) throw err;
        }
      }
    },
    async stop() {
      await apis.stop();
      for (const c of [...children].reverse()) await c.stop();
      await (cluster ?? temporal)?.stop();
      await pg.stop().catch(() => undefined);
      fs.closeSync(processLog);
      if (o.keepDir || process.env.BENCH_KEEP === '1') log(`data and logs kept in ${dataDir}`);
      else fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface BenchResult {
  json: unknown;
  markdown: string;
}

/**
 * A benchmark's frame: a title line, a fresh stack, the body's result printed and written under
 * bench/results/<name>, the stack stopped, and a non-zero exit if anything failed.
 */
export function runBenchmark(
  name: string,
  title: string,
  body: (stack: BenchStack, log: (l: string) => void) => Promise<BenchResult>,
  options: BenchStackOptions = {},
): void {
  const log = (l: string) => console.log(l);
  (async () => {
    log(`kesos-flow ${title} — ${machine()}`);
    const stack = await startBenchStack(log, options);
    try {
      const { json, markdown } = await body(stack, log);
      writeResults(name, json, markdown);
      console.log(`\n${markdown}`);
    } finally {
      await stack.stop();
    }
  })().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

/** Writes `bench/results/<name>.json` and `.md`. */
export function writeResults(name: string, json: unknown, markdown: string): void {
  const dir = path.join(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(json, null, 2));
  fs.writeFileSync(path.join(dir, `${name}.md`), markdown);
}

export function machine(): string {
  return `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`;
}
