// A private stack for benchmarks: embedded PostgreSQL, a Temporal dev server, worker and API
// as supervised child processes, in a throwaway data dir on free ports.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '../infra/embeddedPostgres';
import { localSecret } from '../infra/secrets';
import { prepareDatabase, Supervised, waitForHealth } from '../infra/stack';
import { startTemporalDevServer, type RunningTemporal } from '../infra/temporalServer';

export const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

export interface BenchStack {
  dataDir: string;
  baseUrl: string;
  databaseUrl: string;
  temporalAddress: string;
  env: NodeJS.ProcessEnv;
  worker: Supervised;
  stop(): Promise<void>;
}

export async function startBenchStack(log: (l: string) => void, extraEnv: NodeJS.ProcessEnv = {}): Promise<BenchStack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kesos-bench-'));
  fs.chmodSync(dataDir, 0o755);
  const ports = { api: await freePort(), pg: await freePort(), temporal: await freePort(), payments: await freePort() };
  const pg: RunningPostgres = await startEmbeddedPostgres({ dir: path.join(dataDir, 'pg'), port: ports.pg });
  const temporal: RunningTemporal = await startTemporalDevServer({ dbFile: path.join(dataDir, 'temporal', 'temporal.db'), port: ports.temporal, namespace: 'default', logFile: path.join(dataDir, 'temporal.log') });
  await prepareDatabase(pg.databaseUrl, true, () => undefined);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: pg.databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    DATA_DIR: dataDir,
    PORT: String(ports.api),
    JWT_SECRET: localSecret(dataDir, 'jwt-secret'),
    PAYLOAD_KEYS: `local-1:${localSecret(dataDir, 'payload-key-local-1', 32, 'base64')}`,
    PAYLOAD_KEY_ID: 'local-1',
    PAYMENT_PROVIDER_URL: `http://127.0.0.1:${ports.payments}`,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const processLog = fs.openSync(path.join(dataDir, 'processes.log'), 'a');
  const write = (l: string) => {
    try {
      fs.writeSync(processLog, `${l}\n`);
    } catch {
      // closed
    }
  };
  const worker = new Supervised('worker', 'worker/main.ts', env, write);
  const api = new Supervised('api', 'api/main.ts', env, write);
  worker.start();
  api.start();
  const baseUrl = `http://127.0.0.1:${ports.api}`;
  await waitForHealth(baseUrl, 120_000);
  log(`stack up: ${baseUrl}, data in ${dataDir}`);
  return {
    dataDir,
    baseUrl,
    databaseUrl: pg.databaseUrl,
    temporalAddress: temporal.address,
    env,
    worker,
    async stop() {
      await api.stop();
      await worker.stop();
      await temporal.stop();
      await pg.stop().catch(() => undefined);
      fs.closeSync(processLog);
      if (process.env.BENCH_KEEP !== '1') fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
