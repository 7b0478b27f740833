// What integration tests use to reach the stack the global setup started.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { connect, type Sql } from '../../db';
import { sealingInterceptor } from '../../infra/sealKeys';
import { endpointOf, type TemporalEndpoint, type TemporalTlsFiles } from '../../infra/temporalTls';
import { testDataConverter, testSealConfig } from './keys';
import { exampleCaseRegistration, type CaseRegistration } from '../../domain/case';

export interface TestStack {
  apiUrl: string;
  /** The cluster's superuser: the tests' own checks. */
  databaseUrl: string;
  /** The application's role, as the API and the worker connect. */
  appDatabaseUrl: string;
  temporalAddress: string;
  /** The worker's SDK metrics (Prometheus), where the stack runs one worker. */
  workerMetricsUrl?: string;
  /** Mutual TLS to Temporal (LOCAL_TEMPORAL=cluster): the stack's client certificate. */
  temporalTlsFiles?: TemporalTlsFiles;
  /** The bundled payment simulator (its requests need paymentsToken()). */
  paymentsUrl: string;
  dataDir: string;
  logFile: string;
  /** The start script's pid: every process of the stack is in its process group. */
  pid: number;
}

export function stack(): TestStack {
  const raw = process.env.KESOS_TEST_STACK;
  if (!raw) throw new Error('integration tests need the stack from tests/support/globalSetup.ts (unset KESOS_NO_STACK)');
  return JSON.parse(raw) as TestStack;
}

/** The bearer token the payment simulator of the stack wants (local mode generates it into the data dir). */
export function paymentsToken(): string {
  return fs.readFileSync(path.join(stack().dataDir, 'secrets', 'payment-provider-token'), 'utf8').trim();
}

/**
 * A number from 1 to `max` that no other caller in this test run has got, whichever test file or
 * jest worker asks: each is an exclusively created file in the stack's data dir, which the run's
 * processes share (module state is per test file, so a counter alone repeats across files).
 */
const nextUnique = new Map<string, number>();
export function runUnique(kind: string, max: number): number {
  // Under DATA_DIR, private like everything there (tests/integration/closedEngine.test.ts checks it).
  const dir = path.join(stack().dataDir, 'test-unique', kind);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (let n = nextUnique.get(kind) ?? fs.readdirSync(dir).length + 1, tries = 0; tries < max; n = (n % max) + 1, tries++) {
    try {
      fs.writeFileSync(path.join(dir, String(n)), '', { flag: 'wx', mode: 0o600 });
      nextUnique.set(kind, (n % max) + 1);
      return n;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  throw new Error(`all ${max} unique ${kind} values of this test run are used`);
}

/**
 * A NIK for a woman born 1962-08-17 registered in Sidorejo (33.73.01), unique in the test run: an
 * open case per NIK and PMKS category, so two tests must never draw the same one. The serial is
 * the free part (the region and birth digits must match the registration): 9,999 per run.
 */
export const freshNik = (): string => `337301570862${String(runUnique('nik-337301570862', 9999)).padStart(4, '0')}`;

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  contentType: string;
  body: T;
}

export async function call<T = any>(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let payload: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    payload = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${stack().apiUrl}${path}`, { method, headers, body: payload });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON
  }
  return { status: res.status, headers: res.headers, contentType: res.headers.get('content-type') ?? '', body: body as T };
}

const tokens = new Map<string, string>();
export async function login(username: string): Promise<string> {
  const cached = tokens.get(username);
  if (cached) return cached;
  const r = await call('POST', '/api/auth/login', { body: { username, password: 'demo' } });
  if (r.status !== 200) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  tokens.set(username, r.body.token);
  return r.body.token;
}

/** The refresh token a login or refresh answer set as the kesos_refresh cookie ('' when it cleared it). */
export function refreshCookie(r: ApiResponse): string | undefined {
  for (const line of r.headers.getSetCookie()) {
    const m = /^kesos_refresh=([^;]*)/.exec(line);
    if (m) return m[1];
  }
  return undefined;
}

/** The headers a browser sends to refresh or log out with that cookie (the CSRF header included). */
export const withRefreshCookie = (cookie: string, extra: Record<string, string> = {}) => ({
  cookie: `kesos_refresh=${cookie}`,
  'x-requested-with': 'fetch',
  ...extra,
});

/** Signs in and keeps the refresh cookie, as a browser does. */
export async function cookieSession(username: string, password = 'demo'): Promise<{ token: string; cookie: string }> {
  const r = await call('POST', '/api/auth/login', { body: { username, password } });
  const cookie = refreshCookie(r);
  if (r.status !== 200 || !cookie) throw new Error(`login ${username} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return { token: r.body.token, cookie };
}

/**
 * An account made by the demo admins, as the API answers it: a TKSK's at once (201); a
 * supervisor's, auditor's or admin's asked by `admin` with a reason and confirmed by `admin2`
 * (four-eyes, 202 then the confirmation).
 */
export async function createAccount(body: Record<string, unknown>): Promise<{ id: string; username: string; role: string }> {
  const r = await call('POST', '/api/admin/users', {
    token: await login('admin'),
    body: body.role === 'tksk' ? body : { reason: 'Akun untuk pengujian.', ...body },
  });
  if (r.status === 201) return r.body;
  if (r.status !== 202) throw new Error(`creating ${String(body.username)}: ${r.status} ${JSON.stringify(r.body)}`);
  const confirmed = await call('POST', `/api/admin/privileged-requests/${r.body.id}/confirm`, { token: await login('admin2'), body: { approve: true } });
  if (confirmed.status !== 200) throw new Error(`confirming ${String(body.username)}: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return confirmed.body.result;
}

/** A new TKSK of `regionCode` (a unique username), signed in: its id, username and access token. */
export async function signedInTksk(
  regionCode: string,
  extra: { displayName?: string; bankAccount?: string } = {},
): Promise<{ id: string; username: string; token: string }> {
  const username = `tksk.${regionCode.replace(/\./g, '')}.${randomUUID().slice(0, 6)}`;
  const password = 'sandi-cukup-panjang';
  const { id } = await createAccount({ username, displayName: `TKSK ${regionCode}`, ...extra, role: 'tksk', regionCode, password });
  const signedIn = await call('POST', '/api/auth/login', { body: { username, password } });
  if (signedIn.status !== 200) throw new Error(`signing in ${username}: ${signedIn.status}`);
  return { id, username, token: signedIn.body.token };
}

export function db(): Sql {
  return connect(stack().databaseUrl, { max: 2 });
}

/** How the tests reach the stack's Temporal frontend (with its client certificate on a cluster). */
export const temporalEndpoint = (): TemporalEndpoint => endpointOf(stack().temporalAddress, stack().temporalTlsFiles);

export async function temporalClient(): Promise<{ client: Client; close: () => Promise<void> }> {
  const connection = await Connection.connect(temporalEndpoint());
  // Acts as the API does: its calls are sealed with the test stack's seal key.
  const interceptors = { workflow: [sealingInterceptor(testSealConfig())] };
  return { client: new Client({ connection, dataConverter: testDataConverter(), interceptors }), close: () => connection.close() };
}

/**
 * A client without the payload key: sees what the Temporal server stores. On a cluster it holds
 * the client certificate (as if stolen): without one it could not even connect.
 */
export async function rawTemporalClient(): Promise<{ client: Client; close: () => Promise<void> }> {
  const connection = await Connection.connect(temporalEndpoint());
  return { client: new Client({ connection }), close: () => connection.close() };
}

/** A valid registration for tksk1 (kecamatan Sidorejo) with a NIK no other registration of the run has. */
export function registration(overrides: Record<string, unknown> = {}) {
  return { ...exampleCaseRegistration, beneficiary: { ...exampleCaseRegistration.beneficiary, nik: freshNik() }, ...overrides } as CaseRegistration;
}

export const asesmenData = {
  needs: ['Kebutuhan makan harian'],
  riskLevel: 'sedang',
  planGoals: ['Terdaftar sebagai penerima bantuan pangan'],
  visitCadenceDays: 14,
};

/** The worker process of the test stack (found by its DATA_DIR), for tests that kill it. */
export function workerPid(): number | undefined {
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('worker/main.ts')) continue;
      if (fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`DATA_DIR=${stack().dataDir}`)) return Number(pid);
    } catch {
      // gone
    }
  }
  return undefined;
}

/**
 * The suite's Temporal client (acting as the API does) and database connection: opened before
 * its tests, closed after them.
 */
export function suiteConnections(): { sql: Sql; temporal: { client: Client; close: () => Promise<void> } } {
  const sql = db();
  const temporal = {} as { client: Client; close: () => Promise<void> };
  beforeAll(async () => {
    Object.assign(temporal, await temporalClient());
  });
  afterAll(async () => {
    await temporal.close();
    await sql.end();
  });
  return { sql, temporal };
}
