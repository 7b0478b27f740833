// The stack is closed to everyone but its own machine and its own processes (security review,
// issue 12): every service of local mode listens on loopback only, and what it writes under
// DATA_DIR is readable by its own user only.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Connection, type TLSConfig } from '@temporalio/client';
import postgres from 'postgres';
import { ensureTemporalCerts } from '../../infra/certs';
import { temporalTls } from '../../infra/temporalTls';
import { freePort } from '../support/ports';
import { isLoopback, processGroup, socketInodes, socketTable } from '../support/sockets';
import { stack } from '../support/stack';
import { CLUSTER_MODE } from '../support/stackProcess';

const portOf = (url: string) => Number(new URL(url.includes('://') ? url : `tcp://${url}`).port);

test('every socket the stack listens on is on loopback (API, PostgreSQL, Temporal, payments)', () => {
  const s = stack();
  const ports = { api: portOf(s.apiUrl), pg: portOf(s.databaseUrl), temporal: portOf(s.temporalAddress), payments: portOf(s.paymentsUrl!) };
  const table = socketTable();
  const listening = table.filter((t) => t.listening);

  // By port: whoever holds them, the stack's ports are bound to 127.0.0.1 or ::1 only.
  for (const [name, port] of Object.entries(ports)) {
    const bound = listening.filter((t) => t.proto.startsWith('tcp') && t.port === port);
    expect({ name, bound: bound.map((b) => b.address) }).toEqual({ name, bound: expect.arrayContaining([expect.any(String)]) });
    expect({ name, open: bound.filter((b) => !isLoopback(b.address)).map((b) => `${b.address}:${b.port}`) }).toEqual({ name, open: [] });
  }

  // By process: every socket of the stack's processes (the Temporal dev server also opens
  // HTTP, metrics and membership ports of its choosing), TCP and UDP.
  const owners = new Map<number, string>();
  for (const pid of processGroup(s.pid)) for (const [inode, who] of socketInodes(pid)) owners.set(inode, who);
  const ours = listening.filter((t) => owners.has(t.inode));
  const oursPorts = new Set(ours.map((t) => t.port));
  for (const port of Object.values(ports)) expect(oursPorts.has(port)).toBe(true);
  expect(ours.filter((t) => !isLoopback(t.address)).map((t) => `${owners.get(t.inode)} ${t.proto} ${t.address}:${t.port}`)).toEqual([]);
});

/** Every file and folder beneath `dir`, with its permission bits. */
function walk(dir: string, out: { file: string; mode: number; isDir: boolean }[] = []) {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    const st = fs.lstatSync(file);
    out.push({ file, mode: st.mode & 0o777, isDir: st.isDirectory() });
    if (st.isDirectory()) walk(file, out);
  }
  return out;
}

test('what the stack writes under DATA_DIR is for its own user only: folders 0700, files 0600', () => {
  const dir = stack().dataDir;
  const mode = (p: string) => fs.statSync(path.join(dir, p)).mode & 0o777;
  // Root: embedded PostgreSQL runs as the postgres OS user and must pass through to pg/.
  expect(mode('.').toString(8)).toBe(process.getuid?.() === 0 ? '711' : '700');
  // The dev server's SQLite file, or the cluster's configuration (its database password) and certificates.
  const [temporalDir, temporalFiles] = CLUSTER_MODE
    ? ['temporal-cluster', ['temporal-cluster/config.yaml', 'temporal-cluster/certs/kesos-flow.key', 'temporal-cluster/certs/ca.key']]
    : ['temporal', ['temporal/temporal.db', 'logs/temporal.log']];
  for (const d of ['secrets', temporalDir, 'payments', 'logs', 'pg']) expect({ d, mode: mode(d).toString(8) }).toEqual({ d, mode: '700' });
  for (const f of [...temporalFiles, 'payments/ledger.jsonl', 'secrets/jwt-secret']) expect({ f, mode: mode(f).toString(8) }).toEqual({ f, mode: '600' });
  const open = walk(dir)
    .filter((e) => (e.mode & 0o077) !== 0)
    .map((e) => `${path.relative(dir, e.file)} ${e.mode.toString(8)}`);
  expect(open).toEqual([]);
});

describe('the PostgreSQL superuser', () => {
  test('has a generated password, kept in DATA_DIR/secrets: `postgres` is refused', async () => {
    const url = new URL(stack().databaseUrl);
    const secret = fs.readFileSync(path.join(stack().dataDir, 'secrets', 'pg-superuser-password'), 'utf8').trim();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const legacy = postgres({ host: url.hostname, port: Number(url.port), user: 'postgres', password: 'postgres', database: 'kesos', max: 1 });
    try {
      await expect(legacy`SELECT 1`).rejects.toMatchObject({ code: '28P01' });
    } finally {
      await legacy.end();
    }
  });

  test('a cluster initialised with the old password `postgres` moves to the generated one on its next start', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kesos-legacy-pg-'));
    fs.chmodSync(dataDir, 0o755); // the postgres OS user, when we are root
    try {
      const script = path.join(__dirname, '..', 'support', 'legacyPostgres.ts');
      const r = spawnSync(process.execPath, ['--import', 'tsx', script, path.join(dataDir, 'pg'), String(await freePort())], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: expect.anything() });
      const result = JSON.parse(r.stdout.trim().split('\n').pop()!);
      expect(result).toEqual({ info: [expect.stringContaining('password changed')], generated: 'postgres', legacy: 'refused 28P01' });
      expect((fs.statSync(path.join(dataDir, 'secrets', 'pg-superuser-password')).mode & 0o777).toString(8)).toBe('600');
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('the application role', () => {
  const app = () => postgres(stack().appDatabaseUrl, { max: 1, onnotice: () => undefined });

  test("the API and the worker connect as kesos_app, without the owner's credentials", () => {
    const envs = processGroup(stack().pid).flatMap((pid) => {
      try {
        const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        const name = ['api/main.ts', 'worker/main.ts'].find((n) => cmdline.includes(n));
        if (!name) return [];
        const env = new Map(
          fs
            .readFileSync(`/proc/${pid}/environ`, 'utf8')
            .split('\0')
            .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
        );
        return [{ name, user: new URL(env.get('DATABASE_URL')!).username, admin: env.has('DATABASE_ADMIN_URL') }];
      } catch {
        return [];
      }
    });
    expect([...new Set(envs.map((e) => e.name))].sort()).toEqual(['api/main.ts', 'worker/main.ts']);
    for (const e of envs) expect(e).toEqual({ name: e.name, user: 'kesos_app', admin: false });
    const superuserPassword = fs.readFileSync(path.join(stack().dataDir, 'secrets', 'pg-superuser-password'), 'utf8').trim();
    for (const pid of processGroup(stack().pid)) {
      let environ = '';
      try {
        if (!/api\/main|worker\/main/.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) continue;
        environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
      } catch {
        continue;
      }
      expect(environ.includes(superuserPassword)).toBe(false);
    }
  });

  test('as kesos_app the audit trail cannot be changed: no trigger disabled, no UPDATE, DELETE or TRUNCATE', async () => {
    const sql = app();
    try {
      const refused = [
        'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only',
        'ALTER TABLE audit_log DISABLE TRIGGER ALL',
        'DROP TRIGGER audit_log_append_only ON audit_log',
        "UPDATE audit_log SET details = '{}' WHERE seq = 1",
        'DELETE FROM audit_log',
        'TRUNCATE audit_log',
        'ALTER TABLE audit_log OWNER TO kesos_app',
        'CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$',
        // Triggers do not fire in replica mode: only a superuser may set it.
        'SET session_replication_role = replica',
        "SELECT setval('audit_log_seq_seq', 1)",
        "INSERT INTO schema_migrations (name) VALUES ('999_x.sql')",
        'CREATE TABLE kesos_app_was_here (a int)',
        'CREATE ROLE kesos_app_friend SUPERUSER',
      ];
      for (const statement of refused) {
        const error = await sql.unsafe(statement).then(
          () => 'accepted',
          (err: { code?: string }) => err.code,
        );
        expect({ statement, error }).toEqual({ statement, error: '42501' }); // insufficient_privilege
      }
    } finally {
      await sql.end();
    }
  });

  test('as kesos_app the application works: it reads and appends to the audit log, and writes its tables', async () => {
    const sql = app();
    try {
      const [{ user }] = await sql`SELECT current_user AS user`;
      expect(user).toBe('kesos_app');
      expect((await sql`SELECT count(*)::int AS n FROM audit_log`)[0].n).toBeGreaterThanOrEqual(0);
      // In a transaction rolled back: a row appended here would break the hash chain.
      const rolledBack = new Error('rolled back');
      await expect(
        sql.begin(async (tx) => {
          await tx`INSERT INTO audit_log (event_key, at, action, entity_type, entity_id, prev_hash, hash) VALUES ('closed-engine-test', now(), 'test', 'test', 'x', '', '')`;
          await tx`UPDATE login_failures SET failures = failures WHERE false`;
          await tx`DELETE FROM idempotency_keys WHERE false`;
          throw rolledBack;
        }),
      ).rejects.toBe(rolledBack);
    } finally {
      await sql.end();
    }
  });
});

// npm run test:cluster: the real Temporal frontend asks every caller for a client certificate
// signed by the deployment's CA; the dev server of `npm test` has no TLS at all.
(CLUSTER_MODE ? describe : describe.skip)('the Temporal cluster (mutual TLS)', () => {
  const call = async (tls: TLSConfig | undefined) => {
    const connection = await Connection.connect({ address: stack().temporalAddress, tls, connectTimeout: 5_000 });
    try {
      await connection.workflowService.getSystemInfo({});
      return 'answered';
    } finally {
      await connection.close();
    }
  };
  const files = () => stack().temporalTlsFiles!;

  test('answers a client with the deployment certificate', async () => {
    await expect(call(temporalTls(files()))).resolves.toBe('answered');
  });

  test('refuses plaintext, TLS without a client certificate, and a certificate of another CA', async () => {
    const ca = fs.readFileSync(files().ca);
    await expect(call(undefined)).rejects.toThrow();
    await expect(call({ serverRootCACertificate: ca, serverNameOverride: files().serverName })).rejects.toThrow();
    const stranger = ensureTemporalCerts(fs.mkdtempSync(path.join(os.tmpdir(), 'kesos-stranger-ca-')));
    const foreign = { crt: fs.readFileSync(stranger.clientCert), key: fs.readFileSync(stranger.clientKey) };
    await expect(call({ serverRootCACertificate: ca, serverNameOverride: files().serverName, clientCertPair: foreign })).rejects.toThrow();
  });
});
