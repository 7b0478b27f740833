// Brings up the whole product on one machine: PostgreSQL (embedded unless DATABASE_URL),
// Temporal (dev server persisted under DATA_DIR unless TEMPORAL_ADDRESS), migrations and seed,
// the portal build, then the worker and API as supervised child processes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { connect } from '../db';
import { migrate } from '../db/migrate';
import { APP_ROLE, appRoleProblems, loginOf, setupAppRole } from '../db/roles';
import { seedDemoUsers } from '../db/seed';
import { loadRegions } from './regionsLoad';
import { loadConfig, loopbackHost, PROJECT_ROOT, type Config } from './config';
import { APP_PASSWORD_SECRET, startEmbeddedPostgres } from './embeddedPostgres';
import { privateDataDir, privateDir } from './private';
import { Supervised } from './supervised';
import { localSecret } from './secrets';
import { seedDemoData } from './demo';
import { ensureSearchAttributes, startTemporalDevServer } from './temporalServer';
import { startLoadBalancer, type LoadBalancer } from './loadBalancer';
import { startTemporalCluster } from './temporalCluster';
import { endpointOf, tlsEnv, type TemporalTlsFiles } from './temporalTls';

export { Supervised };

export interface Stack {
  apiUrl: string;
  /** As the API and the worker connect: the application role. */
  databaseUrl: string;
  /** The schema's owner, where the stack knows it (local mode: the superuser). */
  adminDatabaseUrl?: string;
  temporalAddress: string;
  /** Mutual TLS to Temporal (the cluster mode, or TEMPORAL_TLS_*): file paths, no secret itself. */
  temporalTlsFiles?: TemporalTlsFiles;
  temporalUiUrl?: string;
  paymentsUrl?: string;
  stop(): Promise<void>;
}

type Log = (line: string) => void;

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(target).map((f) => newestMtime(path.join(target, f))));
}

export function buildAdminIfNeeded(mode: Config['buildAdmin'], log: Log): void {
  if (mode === 'never') return;
  const admin = path.join(PROJECT_ROOT, 'admin');
  const built = path.join(admin, 'dist', 'index.html');
  if (!fs.existsSync(path.join(admin, 'vite.config.ts'))) return;
  // The portal bundles domain/ too (its vocabularies, labels, completion rule).
  const sources = [...['src', 'index.html', 'vite.config.ts'].map((f) => path.join(admin, f)), path.join(PROJECT_ROOT, 'domain')].filter(fs.existsSync);
  if (mode === 'auto' && fs.existsSync(built) && fs.statSync(built).mtimeMs >= Math.max(...sources.map(newestMtime))) return;
  log('building the portal (vite)…');
  const vite = path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', path.join(admin, 'vite.config.ts'), '--logLevel', 'warn'], {
    stdio: 'inherit',
    cwd: PROJECT_ROOT,
    // Always React's production build: with NODE_ENV=test or development inherited (jest, the
    // test stack), Vite bundled React's development build (react chunk 435 kB instead of 222 kB).
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('portal build failed');
}

export async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`${url}/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`API at ${url} did not become healthy within ${timeoutMs} ms`);
}

export interface DatabaseUrls {
  /** The schema's owner (local mode: the cluster's superuser): migrations, roles, seed. */
  adminUrl: string;
  /** The application's least-privilege role (APP_ROLE); unset = adminUrl's role runs the application too. */
  appUrl?: string;
}

/**
 * Migrations, the application role, reference regions and (local mode) the demo accounts, as the
 * owner; then a check that the application's role cannot change the audit trail. Idempotent.
 */
export async function prepareDatabase(db: DatabaseUrls, demo: boolean, log: Log): Promise<void> {
  const sql = connect(db.adminUrl, { max: 2 });
  try {
    const applied = await migrate(sql);
    if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
    if (db.appUrl) await setupAppRole(sql, loginOf(db.appUrl));
    const regions = await loadRegions(sql);
    if (!regions.skipped)
      log(
        `regions ${regions.version} loaded: ${Object.entries(regions.counts)
          .map(([level, n]) => `${n} ${level}`)
          .join(', ')}`,
      );
    if (demo) await seedDemoUsers(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
  if (!db.appUrl) {
    log(
      `warning: DATABASE_ADMIN_URL is not set, so the application connects as the role that owns the schema and could rewrite the audit trail; see README, Configuration`,
    );
    return;
  }
  const app = connect(db.appUrl, { max: 1 });
  try {
    const problems = await appRoleProblems(app);
    if (problems.length) throw new Error(`DATABASE_URL must connect as the least-privilege role ${APP_ROLE}: ${problems.join('; ')}`);
  } finally {
    await app.end({ timeout: 5 });
  }
}

/** A database URL without its password, for logs and the READY line. */
export function redactUrl(url: string): string {
  const u = new URL(url);
  u.password = '';
  return u.toString();
}

/** A worker as a supervised child, with its heap limit (WORKER_MAX_HEAP_MB) set. */
export function workerProcess(env: NodeJS.ProcessEnv, log: Log, name = 'worker'): Supervised {
  const { worker } = loadConfig(env);
  const nodeOptions = [env.NODE_OPTIONS, `--max-old-space-size=${worker.maxHeapMb}`].filter(Boolean).join(' ');
  return new Supervised(name, 'worker/main.ts', { ...env, NODE_OPTIONS: nodeOptions }, log);
}

/**
 * `count` API processes, supervised and healthy: one on `port`, or replicas on the ports after it
 * behind a round-robin proxy on `port` (infra/loadBalancer.ts). `url`: where callers reach them.
 */
export async function startApis(
  env: NodeJS.ProcessEnv,
  log: Log,
  bindAddress: string,
  port: number,
  count: number,
): Promise<{ apis: Supervised[]; url: string; stop(): Promise<void> }> {
  const ports = count === 1 ? [port] : Array.from({ length: count }, (_, i) => port + 1 + i);
  const apis = ports.map((p, i) => new Supervised(count > 1 ? `api-${i + 1}` : 'api', 'api/main.ts', { ...env, PORT: String(p) }, log));
  let balancer: LoadBalancer | undefined;
  const stop = async () => {
    await balancer?.close();
    for (const a of apis) await a.stop();
  };
  try {
    for (const a of apis) a.start();
    // The address they are bound to (127.0.0.1 in local mode), not `localhost`, which may be ::1 first.
    const host = loopbackHost(bindAddress);
    for (const p of ports) await waitForHealth(`http://${host}:${p}`, 120_000);
    if (count > 1)
      balancer = await startLoadBalancer(
        bindAddress,
        port,
        ports.map((p) => ({ host: host.replace(/^\[|\]$/g, ''), port: p })),
      );
    return { apis, url: `http://${host}:${port}`, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

export async function startStack(config: Config, log: Log, extraEnv: NodeJS.ProcessEnv = {}): Promise<Stack> {
  privateDataDir(config.dataDir);
  const logs = privateDir(path.join(config.dataDir, 'logs'));
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((e) => log(`stop failed: ${String(e)}`));
  };

  try {
    let databaseUrl = config.databaseUrl;
    let adminDatabaseUrl = config.databaseAdminUrl;
    if (adminDatabaseUrl && !databaseUrl) throw new Error('DATABASE_ADMIN_URL needs DATABASE_URL (the application role on the same database)');
    if (!databaseUrl) {
      log(`starting embedded PostgreSQL on port ${config.local.pgPort}…`);
      const pg = await startEmbeddedPostgres({ dir: path.join(config.dataDir, 'pg'), port: config.local.pgPort, dataDir: config.dataDir, info: log });
      stops.push(pg.stop);
      adminDatabaseUrl = pg.adminUrl;
      databaseUrl = pg.urlFor(APP_ROLE, localSecret(config.dataDir, APP_PASSWORD_SECRET));
    }

    let temporalAddress = config.temporalAddress;
    let temporalTlsFiles = config.temporalTlsFiles;
    let temporalUiUrl: string | undefined;
    if (!temporalAddress && config.local.temporal === 'cluster') {
      if (!adminDatabaseUrl) throw new Error("LOCAL_TEMPORAL=cluster needs the embedded PostgreSQL or DATABASE_ADMIN_URL (it creates Temporal's databases)");
      log(`starting the Temporal cluster (history, matching, frontend, worker) on port ${config.local.temporalPort}…`);
      const cluster = await startTemporalCluster({
        adminDatabaseUrl,
        dataDir: config.dataDir,
        frontendPort: config.local.temporalPort,
        namespace: config.namespace,
        log,
      });
      stops.push(cluster.stop);
      temporalAddress = cluster.endpoint.address;
      temporalTlsFiles = cluster.tlsFiles;
    } else if (!temporalAddress) {
      log(`starting Temporal dev server on port ${config.local.temporalPort}…`);
      const temporal = await startTemporalDevServer({
        dbFile: path.join(config.dataDir, 'temporal', 'temporal.db'),
        port: config.local.temporalPort,
        uiPort: config.local.temporalUiPort || undefined,
        namespace: config.namespace,
        logFile: path.join(logs, 'temporal.log'),
      });
      stops.push(temporal.stop);
      temporalAddress = temporal.address;
      temporalUiUrl = temporal.uiUrl;
    } else {
      await ensureSearchAttributes(endpointOf(temporalAddress, temporalTlsFiles), config.namespace);
    }

    await prepareDatabase(adminDatabaseUrl ? { adminUrl: adminDatabaseUrl, appUrl: databaseUrl } : { adminUrl: databaseUrl }, !config.production, log);

    buildAdminIfNeeded(config.buildAdmin, log);

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...extraEnv,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      ...tlsEnv(temporalTlsFiles),
      TEMPORAL_NAMESPACE: config.namespace,
      TEMPORAL_TASK_QUEUE: config.taskQueue,
      DATA_DIR: config.dataDir,
      PORT: String(config.port),
      BIND_ADDRESS: config.bindAddress,
      JWT_SECRET: config.jwtSecret ?? localSecret(config.dataDir, 'jwt-secret'),
    };
    // The owner's credentials stay here: the worker and the API have no use for them.
    delete env.DATABASE_ADMIN_URL;
    if (!env.PAYLOAD_KEYS) {
      // Local mode: one payload key, generated once, shared by worker and API.
      env.PAYLOAD_KEYS = `local-1:${localSecret(config.dataDir, 'payload-key-local-1', 32, 'base64')}`;
      env.PAYLOAD_KEY_ID = 'local-1';
    }
    if (!env.SEAL_KEYS) {
      // Local mode: one seal key (sealed actors), generated once, shared by worker and API.
      env.SEAL_KEYS = `local-1:${localSecret(config.dataDir, 'seal-key-local-1', 32, 'base64')}`;
      env.SEAL_KEY_ID = 'local-1';
    }
    if (!config.paymentProviderUrl) {
      // The bundled payment simulator stands in for a bank's transfer API.
      env.PAYMENT_SIM_PORT = String(config.local.paymentSimPort);
      env.PAYMENT_PROVIDER_URL = `http://127.0.0.1:${config.local.paymentSimPort}`;
      // Its bearer token, generated once (the worker's provider client sends it, the simulator checks it).
      env.PAYMENT_PROVIDER_TOKEN = localSecret(config.dataDir, 'payment-provider-token');
      const payments = new Supervised('payments', 'payments/main.ts', env, log);
      payments.start();
      stops.push(() => payments.stop());
    }
    const { workers: workerCount, apiReplicas } = config.local;
    const workers = Array.from({ length: workerCount }, (_, i) => workerProcess(env, log, workerCount > 1 ? `worker-${i + 1}` : 'worker'));
    for (const w of workers) w.start();
    stops.push(...workers.map((w) => () => w.stop()));
    const apis = await startApis(env, log, config.bindAddress, config.port, apiReplicas);
    stops.push(apis.stop);
    const apiUrl = apis.url;
    if (config.demoData && !config.production) {
      // Through the public API as the demo accounts; a refusal is logged, never a failed start.
      log('demo data: filling in what is missing (DEMO_DATA=0 skips it)…');
      await seedDemoData({ apiUrl, dataDir: config.dataDir, log }).catch((err) => log(`demo data failed: ${err instanceof Error ? err.message : String(err)}`));
    }
    return { apiUrl, databaseUrl, adminDatabaseUrl, temporalAddress, temporalTlsFiles, temporalUiUrl, paymentsUrl: env.PAYMENT_PROVIDER_URL, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
