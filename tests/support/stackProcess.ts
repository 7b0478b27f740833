// Runs `scripts/start.ts` (what `npm start` runs) as a child process in its own process group and
// waits for its READY line. Used by the global setup and by tests that kill and restart it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { APP_PASSWORD_SECRET, SUPERUSER_PASSWORD_SECRET } from '../../infra/embeddedPostgres';
import { TEST_METRICS_TOKEN, TEST_PAYLOAD_KEY_ID, TEST_PAYLOAD_KEYS, TEST_SEAL_KEY_ID, TEST_SEAL_KEYS } from './keys';
import { freePort, freePortBlock } from './ports';
import type { TemporalTlsFiles } from '../../infra/temporalTls';

export interface StackPorts {
  api: number;
  pg: number;
  temporal: number;
  payments: number;
  workerMetrics: number;
}

export interface StackProcess {
  child: ChildProcess;
  ready: {
    apiUrl: string;
    /** The cluster's superuser, for the tests' own checks (tampering included). */
    databaseUrl: string;
    /** As the API and the worker connect: the least-privilege application role. */
    appDatabaseUrl: string;
    temporalAddress: string;
    temporalTlsFiles?: TemporalTlsFiles;
    paymentsUrl?: string;
    /** A worker's SDK metrics (not on the cluster, where two workers run). */
    workerMetricsUrl?: string;
  };
}

interface ReadyLine {
  apiUrl: string;
  databaseUrl: string;
  adminDatabaseUrl: string;
  temporalAddress: string;
  temporalTlsFiles?: TemporalTlsFiles;
  paymentsUrl?: string;
}

/** The READY line names the database roles without their passwords: those are in DATA_DIR/secrets. */
function withPassword(url: string, dataDir: string, secret: string): string {
  const u = new URL(url);
  u.password = encodeURIComponent(fs.readFileSync(path.join(dataDir, 'secrets', secret), 'utf8').trim());
  return u.toString();
}

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * `KESOS_TEST_TEMPORAL=cluster` (npm run test:cluster): the suite runs on the real Temporal
 * server's four services with mutual TLS, two workers and two API replicas behind a proxy.
 */
export const CLUSTER_MODE = process.env.KESOS_TEST_TEMPORAL === 'cluster';

export async function allocatePorts(): Promise<StackPorts> {
  return {
    // The replicas take the ports after the proxy's; the cluster's services the 13 after the frontend's.
    api: CLUSTER_MODE ? await freePortBlock(3) : await freePort(),
    pg: await freePort(),
    temporal: CLUSTER_MODE ? await freePortBlock(14) : await freePort(),
    payments: await freePort(),
    workerMetrics: await freePort(),
  };
}

export async function startStackProcess(dataDir: string, ports: StackPorts, logFile: string): Promise<StackProcess> {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    PORT: String(ports.api),
    LOCAL_PG_PORT: String(ports.pg),
    LOCAL_TEMPORAL_PORT: String(ports.temporal),
    LOCAL_TEMPORAL_UI_PORT: '0',
    LOCAL_PAYMENT_SIM_PORT: String(ports.payments),
    // Deterministic provider trouble: every transfer's first answer is lost after it was
    // committed (the double-payment trap); no random failures.
    PAYMENT_SIM_FAIL_RATE: '0',
    PAYMENT_SIM_LOSE_FIRST_RESPONSE: '1',
    // Tests run the scheduled workflows themselves; a real firing mid-run (the 1st of a month at
    // 00:05 WIB, or 02:00 WIB daily) would open claims or anonymise cases under other tests.
    SCHEDULES_PAUSED: '1',
    // No demo data in the shared test stack: tests/integration/demoData.test.ts runs the seeder itself.
    DEMO_DATA: '0',
    BUILD_ADMIN: process.env.BUILD_ADMIN ?? 'auto',
    LOG_LEVEL: 'info',
    PAYLOAD_KEYS: TEST_PAYLOAD_KEYS,
    PAYLOAD_KEY_ID: TEST_PAYLOAD_KEY_ID,
    SEAL_KEYS: TEST_SEAL_KEYS,
    SEAL_KEY_ID: TEST_SEAL_KEY_ID,
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    // One worker's SDK metrics (two workers would both want the port).
    ...(CLUSTER_MODE
      ? { LOCAL_TEMPORAL: 'cluster', LOCAL_WORKERS: '2', LOCAL_API_REPLICAS: '2' }
      : { WORKER_METRICS_ADDRESS: `127.0.0.1:${ports.workerMetrics}` }),
  };
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  delete env.PAYMENT_PROVIDER_URL;
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(ROOT, 'scripts', 'start.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group: a test can SIGKILL the whole product at once
  });
  const ready = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`stack not ready in 180 s; see ${logFile}`)), 180_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      log.write(chunk);
      buffer += chunk.toString();
      const m = /KESOS_READY (\{.*\})/.exec(buffer);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr!.on('data', (c: Buffer) => log.write(c));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`stack exited with code ${code}; see ${logFile}`));
    });
  });
  const line = JSON.parse(ready) as ReadyLine;
  return {
    child,
    ready: {
      apiUrl: line.apiUrl,
      databaseUrl: withPassword(line.adminDatabaseUrl, dataDir, SUPERUSER_PASSWORD_SECRET),
      appDatabaseUrl: withPassword(line.databaseUrl, dataDir, APP_PASSWORD_SECRET),
      temporalAddress: line.temporalAddress,
      temporalTlsFiles: line.temporalTlsFiles,
      workerMetricsUrl: CLUSTER_MODE ? undefined : `http://127.0.0.1:${ports.workerMetrics}/metrics`,
      paymentsUrl: line.paymentsUrl,
    },
  };
}

/** Ctrl-C equivalent: SIGTERM to start.ts, which stops its children in order. */
export async function stopStackProcess(p: StackProcess): Promise<void> {
  if (p.child.exitCode === null && p.child.signalCode === null) {
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => killGroup(p, 'SIGKILL'), 30_000);
      p.child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      p.child.kill('SIGTERM');
    });
  }
  // Anything of the group still alive would leak into the next run: sweep it.
  killGroup(p, 'SIGKILL');
}

export function killGroup(p: StackProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-p.child.pid!, signal);
  } catch {
    // already gone
  }
}
