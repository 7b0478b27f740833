// Runtime configuration, parsed from the environment once (zod at this boundary too).
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { tlsFilesFromEnv } from './temporalTls';

export const PROJECT_ROOT = path.resolve(__dirname, '..');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /**
   * Address the API listens on (an IP literal). Unset: 127.0.0.1, or 0.0.0.0 with
   * NODE_ENV=production (a container, reached through its published port). Local mode's own
   * services (PostgreSQL, Temporal and its UI, the payment simulator) always listen on 127.0.0.1.
   */
  BIND_ADDRESS: z
    .string()
    .refine((v) => net.isIP(v) !== 0, 'an IP address, e.g. 127.0.0.1, ::1 or 0.0.0.0')
    .optional(),
  /** Where local mode keeps PostgreSQL data, the Temporal dev-server file and generated secrets. */
  DATA_DIR: z.string().min(1).default(path.join(PROJECT_ROOT, '.data')),
  /**
   * External PostgreSQL, as the application connects to it: the least-privilege role kesos_app
   * (db/roles.ts); unset = embedded PostgreSQL under DATA_DIR.
   */
  DATABASE_URL: z.string().url().optional(),
  /**
   * External PostgreSQL as the owner of the schema: runs the migrations and sets up kesos_app
   * (its password taken from DATABASE_URL). Used by `npm start` and `npm run bootstrap`, never by the
   * API or the worker. Unset with DATABASE_URL: one role for both (warned about at start).
   */
  DATABASE_ADMIN_URL: z.string().url().optional(),
  /** External Temporal frontend host:port; unset = a Temporal dev server persisted under DATA_DIR. */
  TEMPORAL_ADDRESS: z.string().min(1).optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  /** Mutual TLS to the Temporal frontend: the CA of its certificate (PEM file path). With _CERT and _KEY. */
  TEMPORAL_TLS_CA: z.string().min(1).optional(),
  /** This process's client certificate (PEM file path). */
  TEMPORAL_TLS_CERT: z.string().min(1).optional(),
  /** Its private key (PEM file path). */
  TEMPORAL_TLS_KEY: z.string().min(1).optional(),
  /** The name in the frontend's certificate when it differs from the address's host (e.g. `temporal`). */
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('kesos-flow'),
  /** HMAC secret for access tokens; local mode generates one into DATA_DIR. Required in production. */
  JWT_SECRET: z.string().min(32).optional(),
  /** production: no demo accounts, secrets must come from the environment. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Local mode: port of the embedded PostgreSQL. */
  LOCAL_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Local mode: gRPC port of the Temporal dev server. */
  LOCAL_TEMPORAL_PORT: z.coerce.number().int().min(1).max(65535).default(7233),
  /** Local mode: port of the Temporal Web UI; 0 = no UI. */
  LOCAL_TEMPORAL_UI_PORT: z.coerce.number().int().min(0).max(65535).default(8233),
  /** External payment provider (base URL of its transfer API); unset = the bundled simulator. */
  PAYMENT_PROVIDER_URL: z.string().url().optional(),
  /** Bearer token of the payment provider's API (required with PAYMENT_PROVIDER_URL); local mode generates the simulator's into DATA_DIR. */
  PAYMENT_PROVIDER_TOKEN: z.string().min(16).optional(),
  /** Local mode: port of the payment simulator. */
  LOCAL_PAYMENT_SIM_PORT: z.coerce.number().int().min(1).max(65535).default(3901),
  /**
   * Local mode's Temporal: `dev` = the CLI's dev server (one process, SQLite under DATA_DIR);
   * `cluster` = the real server's four services on the embedded PostgreSQL with mutual TLS
   * (infra/temporalCluster.ts; the frontend on LOCAL_TEMPORAL_PORT, the others on the next ports).
   */
  LOCAL_TEMPORAL: z.enum(['dev', 'cluster']).default('dev'),
  /** Local mode: worker processes polling the task queue. */
  LOCAL_WORKERS: z.coerce.number().int().min(1).max(8).default(1),
  /** Local mode: API processes; more than one run behind a round-robin proxy on PORT. */
  LOCAL_API_REPLICAS: z.coerce.number().int().min(1).max(8).default(1),
  /** Build the portal at start: auto = when admin/dist is missing or older than its sources. */
  BUILD_ADMIN: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Browser origins allowed to call the API (comma-separated), e.g. the Temporal UI for the codec endpoint. */
  CORS_ORIGINS: z.string().default('http://localhost:8233'),
  /** Failed sign-ins allowed per account / per address within LOGIN_WINDOW_SECONDS before 429. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  /**
   * Workflows the worker keeps in memory. An evicted one is replayed from its history when it
   * next has work. The SDK's default grows with the heap limit (≈ 2,000 on this machine: 2.3 GB
   * of RSS with only 1,000 cases parked, as every workflow has its own instances of the bundle's
   * modules); 100 covers the cases being worked on at once and keeps RSS flat however many wait.
   */
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(100),
  /** host:port where a worker serves the SDK's Prometheus metrics at /metrics (e.g. 127.0.0.1:9464); unset = none. */
  WORKER_METRICS_ADDRESS: z.string().min(1).optional(),
  /** V8 old-space limit of the worker process (MB): without one V8 collects lazily and RSS grows. */
  WORKER_MAX_HEAP_MB: z.coerce.number().int().min(128).default(512),
  /**
   * Create the Schedules paused (the test stack): a monthly claim run or a retention pass firing
   * in the middle of a test run would change data other tests are reading.
   */
  SCHEDULES_PAUSED: z.enum(['0', '1']).default('0'),
  /**
   * Local mode: fill an empty stack with demo data through the API once it is up (infra/demo.ts):
   * a KPM register, Sembako periods and complaints in every state, a few cases. Never in
   * production; the test stack sets 0 (tests that want it run the seeder themselves).
   */
  DEMO_DATA: z.enum(['0', '1']).default('1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = ReturnType<typeof loadConfig>;

/** A URL host for reaching a server bound to `address` from this machine (any address → loopback). */
export function loopbackHost(address: string): string {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '[::1]';
  return net.isIPv6(address) ? `[${address}]` : address;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    port: e.PORT,
    bindAddress: e.BIND_ADDRESS ?? (production ? '0.0.0.0' : '127.0.0.1'),
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseAdminUrl: e.DATABASE_ADMIN_URL,
    temporalAddress: e.TEMPORAL_ADDRESS,
    temporalTlsFiles: tlsFilesFromEnv(e),
    namespace: e.TEMPORAL_NAMESPACE,
    taskQueue: e.TEMPORAL_TASK_QUEUE,
    jwtSecret: e.JWT_SECRET,
    production,
    logLevel: e.LOG_LEVEL,
    schedulesPaused: e.SCHEDULES_PAUSED === '1',
    demoData: !production && e.DEMO_DATA === '1',
    worker: { maxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS, maxHeapMb: e.WORKER_MAX_HEAP_MB },
    workerMetricsAddress: e.WORKER_METRICS_ADDRESS,
    local: {
      pgPort: e.LOCAL_PG_PORT,
      temporalPort: e.LOCAL_TEMPORAL_PORT,
      temporalUiPort: e.LOCAL_TEMPORAL_UI_PORT,
      paymentSimPort: e.LOCAL_PAYMENT_SIM_PORT,
      temporal: e.LOCAL_TEMPORAL,
      workers: e.LOCAL_WORKERS,
      apiReplicas: e.LOCAL_API_REPLICAS,
    },
    paymentProviderUrl: e.PAYMENT_PROVIDER_URL,
    buildAdmin: e.BUILD_ADMIN,
    loginLimits: { perAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT, perAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS, windowSeconds: e.LOGIN_WINDOW_SECONDS },
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  };
}
