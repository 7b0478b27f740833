// A real Temporal cluster on this machine, as production runs it: the server built from
// go.temporal.io/server (scripts/install-tools.js puts it in .tools/bin), its four services
// (history, matching, frontend, worker) as separate processes on PostgreSQL, mutual TLS on the
// frontend and between the services, every port on 127.0.0.1. `LOCAL_TEMPORAL=cluster` (and
// `npm run test:cluster`) use it instead of the dev server.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import postgres from 'postgres';
import { PROJECT_ROOT } from './config';
import { ensureTemporalCerts, type TemporalCerts } from './certs';
import { privateDir } from './private';
import { localSecret } from './secrets';
import { ensureNamespace, ensureSearchAttributes, waitForTemporal } from './temporalServer';
import { endpointOf, type TemporalEndpoint, type TemporalTlsFiles } from './temporalTls';
import { Supervised } from './supervised';

/** The server's version, pinned with the install script and the compose file (tests/unit/compose.test.ts). */
export const TEMPORAL_SERVER_VERSION = '1.32.2';
const BIN = path.join(PROJECT_ROOT, '.tools', 'bin');
const SERVICES = ['history', 'matching', 'frontend', 'worker'] as const;
type Service = (typeof SERVICES)[number];
const LISTEN_IP = '127.0.0.1';
const DB_ROLE = 'temporal';

export interface ClusterOptions {
  /** The PostgreSQL superuser (the embedded server's): creates the role and the two databases. */
  adminDatabaseUrl: string;
  dataDir: string;
  /** The frontend's gRPC port; the other services and their membership ports follow it. */
  frontendPort: number;
  namespace: string;
  historyShards?: number;
  log: (line: string) => void;
}

export interface RunningCluster {
  endpoint: TemporalEndpoint;
  /** kesos-flow's client certificate, for the API and the workers. */
  tlsFiles: TemporalTlsFiles;
  certs: TemporalCerts;
  services: Record<Service, Supervised>;
  stop(): Promise<void>;
}

function binary(name: 'server' | 'sql'): string {
  const file = path.join(BIN, name);
  if (!fs.existsSync(file)) {
    throw new Error(
      `the Temporal server is not installed (${file}); run KESOS_INSTALL_TEMPORAL_SERVER=1 node scripts/install-tools.js (Go ${TEMPORAL_SERVER_VERSION} build, a few minutes once)`,
    );
  }
  return file;
}

/** gRPC and membership ports of each service, from the frontend's. */
export function clusterPorts(frontendPort: number): Record<Service, { grpc: number; membership: number }> {
  // Temporal keeps membership ports in a smallint column (cluster_membership.rpc_port).
  if (frontendPort + 13 > 32_767)
    throw new Error(`the Temporal cluster's ports must be below 32768 (its membership table stores them as smallint): ${frontendPort}`);
  const offset: Record<Service, number> = { frontend: 0, history: 1, matching: 2, worker: 3 };
  return Object.fromEntries(SERVICES.map((s) => [s, { grpc: frontendPort + offset[s], membership: frontendPort + 10 + offset[s] }])) as Record<
    Service,
    { grpc: number; membership: number }
  >;
}

/** The server's configuration: PostgreSQL persistence and visibility, mTLS everywhere, loopback. */
export function clusterConfig(o: {
  pgHost: string;
  pgPort: number;
  password: string;
  ports: ReturnType<typeof clusterPorts>;
  certs: TemporalCerts;
  shards: number;
}): string {
  const store = (db: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName: db,
      connectAddr: `${o.pgHost}:${o.pgPort}`,
      connectProtocol: 'tcp',
      user: DB_ROLE,
      password: o.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const serverTls = { certFile: o.certs.serverCert, keyFile: o.certs.serverKey, clientCaFiles: [o.certs.ca], requireClientAuth: true };
  const clientTls = { serverName: o.certs.serverName, rootCaFiles: [o.certs.ca] };
  const config = {
    log: { stdout: true, level: 'warn' },
    persistence: {
      defaultStore: 'default',
      visibilityStore: 'visibility',
      numHistoryShards: o.shards,
      datastores: { default: store('temporal', 20), visibility: store('temporal_visibility', 5) },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: LISTEN_IP },
      tls: {
        internode: { server: serverTls, client: clientTls },
        frontend: { server: serverTls, client: clientTls },
        // The system workers (Schedules, retention) are clients of the frontend too.
        systemWorker: { certFile: o.certs.serverCert, keyFile: o.certs.serverKey, client: clientTls },
      },
    },
    services: Object.fromEntries(
      Object.entries(o.ports).map(([s, p]) => [s, { rpc: { grpcPort: p.grpc, membershipPort: p.membership, bindOnIP: LISTEN_IP } }]),
    ),
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: { active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: `${LISTEN_IP}:${o.ports.frontend.grpc}` } },
    },
    dcRedirectionPolicy: { policy: 'noop' },
  };
  // JSON is YAML: no YAML library needed, and no quoting to get wrong.
  return JSON.stringify(config, null, 2);
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The role and the two databases Temporal persists to, owned by that role (idempotent). */
export async function prepareTemporalDatabases(adminUrl: string, password: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => undefined });
  try {
    const [role] = await sql`SELECT 1 FROM pg_roles WHERE rolname = ${DB_ROLE}`;
    // A DDL statement cannot take parameters: the password is ours (base64url), the role a constant.
    if (!role) await sql.unsafe(`CREATE ROLE ${quoteIdent(DB_ROLE)} LOGIN PASSWORD '${password.replace(/'/g, "''")}'`);
    for (const db of ['temporal', 'temporal_visibility']) {
      const [exists] = await sql`SELECT 1 FROM pg_database WHERE datname = ${db}`;
      if (!exists) await sql.unsafe(`CREATE DATABASE ${quoteIdent(db)} OWNER ${quoteIdent(DB_ROLE)}`);
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Temporal's own schema tool: the versioned schemas embedded in it, brought up to date. */
function updateSchemas(pgHost: string, pgPort: number, password: string, log: (l: string) => void): void {
  const sqlTool = binary('sql');
  for (const [db, schema] of [
    ['temporal', 'postgresql/v12/temporal'],
    ['temporal_visibility', 'postgresql/v12/visibility'],
  ]) {
    const base = ['--plugin', 'postgres12', '--ep', pgHost, '-p', String(pgPort), '-u', DB_ROLE, '--db', db];
    const env = { ...process.env, SQL_PASSWORD: password };
    const run = (args: string[]) => spawnSync(sqlTool, [...base, ...args], { encoding: 'utf8', env });
    // setup-schema -v 0.0 creates the version table once; on a set-up database it fails harmlessly.
    run(['setup-schema', '-v', '0.0']);
    const r = run(['update-schema', '-s', schema]);
    if (r.status !== 0) throw new Error(`temporal-sql-tool update-schema ${schema} failed: ${r.stderr || r.stdout}`);
    log(`Temporal schema ${schema} is up to date`);
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: LISTEN_IP, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port: number, what: string, timeoutMs = 60_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await listening(port)); await new Promise((r) => setTimeout(r, 250))) {
    if (Date.now() > deadline) throw new Error(`${what} did not listen on ${LISTEN_IP}:${port} within ${timeoutMs} ms`);
  }
}

export async function startTemporalCluster(o: ClusterOptions): Promise<RunningCluster> {
  const server = binary('server');
  const dir = privateDir(path.join(o.dataDir, 'temporal-cluster'));
  const certs = ensureTemporalCerts(path.join(dir, 'certs'));
  const password = localSecret(o.dataDir, 'temporal-db-password');
  const pg = new URL(o.adminDatabaseUrl);
  const pgHost = pg.hostname;
  const pgPort = Number(pg.port || 5432);
  await prepareTemporalDatabases(o.adminDatabaseUrl, password);
  updateSchemas(pgHost, pgPort, password, o.log);

  const ports = clusterPorts(o.frontendPort);
  const configFile = path.join(dir, 'config.yaml');
  fs.writeFileSync(configFile, clusterConfig({ pgHost, pgPort, password, ports, certs, shards: o.historyShards ?? 4 }), { mode: 0o600 });

  const services = {} as Record<Service, Supervised>;
  const stopAll = async () => {
    for (const s of [...SERVICES].reverse()) await services[s]?.stop();
  };
  try {
    // History first: it writes the cluster's metadata row, which the others would race to create.
    for (const service of SERVICES) {
      // Restarted by its supervisor if it dies on its own, as in production.
      const args = ['--config-file', configFile, '--allow-no-auth', 'start', '--service', service];
      services[service] = Supervised.program(`temporal-${service}`, server, args, process.env, o.log);
      services[service].start();
      await waitForPort(ports[service].grpc, `Temporal ${service}`);
    }
    const tlsFiles: TemporalTlsFiles = { ca: certs.ca, cert: certs.clientCert, key: certs.clientKey, serverName: certs.serverName };
    const endpoint = endpointOf(`${LISTEN_IP}:${ports.frontend.grpc}`, tlsFiles);
    await waitForTemporal(endpoint);
    const ns = await ensureNamespace(endpoint, o.namespace);
    await ensureSearchAttributes(endpoint, o.namespace);
    o.log(
      `Temporal ${TEMPORAL_SERVER_VERSION} cluster (history, matching, frontend, worker) on ${endpoint.address}, mutual TLS; namespace ${o.namespace} ${ns}`,
    );
    return { endpoint, tlsFiles, certs, services, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
