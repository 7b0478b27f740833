// Certificates for mutual TLS to the Temporal frontend (and between Temporal's own services): a
// private CA, one server certificate for every Temporal service, and one client certificate per
// kind of caller (kesos-flow's API and workers; an operator's CLI or the Temporal UI). Generated
// with the openssl CLI, keys mode 0600 in a 0700 folder. For local runs and docker-compose; a
// real deployment uses its own PKI with the same file layout.
//
//   npx tsx infra/certs.ts <dir> [extra DNS names of the Temporal services…]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The files a Temporal mTLS setup reads, under one folder. */
export interface TemporalCerts {
  dir: string;
  ca: string;
  serverCert: string;
  serverKey: string;
  /** kesos-flow's API and workers. */
  clientCert: string;
  clientKey: string;
  /** An operator's tools (temporal CLI, the Temporal UI behind its proxy). */
  operatorCert: string;
  operatorKey: string;
  /** The name the clients expect in the server certificate. */
  serverName: string;
}

const SERVER_NAME = 'temporal';
/** Names the Temporal services answer to: loopback for local runs, the compose service names. */
const SERVER_HOSTS = ['temporal', 'temporal-frontend', 'temporal-history', 'temporal-matching', 'temporal-worker', 'localhost'];

function openssl(args: string[], cwd: string): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.error) throw new Error(`openssl is needed to generate the Temporal certificates: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`openssl ${args[0]} failed: ${r.stderr}`);
}

export function certPaths(dir: string): TemporalCerts {
  const f = (name: string) => path.join(dir, name);
  return {
    dir,
    ca: f('ca.pem'),
    serverCert: f('server.pem'),
    serverKey: f('server.key'),
    clientCert: f('kesos-flow.pem'),
    clientKey: f('kesos-flow.key'),
    operatorCert: f('operator.pem'),
    operatorKey: f('operator.key'),
    serverName: SERVER_NAME,
  };
}

/** A key and a certificate signed by the CA (`extensions` as openssl config lines). */
function issue(dir: string, name: string, subject: string, extensions: string[]): void {
  const ext = path.join(dir, `${name}.ext`);
  fs.writeFileSync(ext, extensions.join('\n') + '\n');
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', `${name}.key`], dir);
  openssl(['req', '-new', '-key', `${name}.key`, '-subj', subject, '-out', `${name}.csr`], dir);
  openssl(
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '825',
      '-sha256',
      '-extfile',
      ext,
      '-out',
      `${name}.pem`,
    ],
    dir,
  );
  fs.rmSync(path.join(dir, `${name}.csr`));
  fs.rmSync(ext);
}

/**
 * The certificates under `dir`, generated once (a folder that has them all is left as it is).
 * `extraHosts`: more DNS names the server certificate must carry.
 */
export function ensureTemporalCerts(dir: string, extraHosts: string[] = [], opts: { shareable?: boolean } = {}): TemporalCerts {
  const paths = certPaths(dir);
  const files = [paths.ca, paths.serverCert, paths.serverKey, paths.clientCert, paths.clientKey, paths.operatorCert, paths.operatorKey];
  if (files.every((f) => fs.existsSync(f))) return paths;
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'ca.key'], dir);
  openssl(['req', '-x509', '-new', '-key', 'ca.key', '-sha256', '-days', '3650', '-subj', '/O=kesos-flow/CN=kesos-flow Temporal CA', '-out', 'ca.pem'], dir);
  const hosts = [...new Set([...SERVER_HOSTS, ...extraHosts])];
  issue(dir, 'server', `/O=kesos-flow/CN=${SERVER_NAME}`, [
    'basicConstraints=CA:FALSE',
    'keyUsage=digitalSignature,keyEncipherment',
    // Temporal's services are servers to their callers and clients of each other.
    'extendedKeyUsage=serverAuth,clientAuth',
    `subjectAltName=${[...hosts.map((h) => `DNS:${h}`), 'IP:127.0.0.1', 'IP:::1'].join(',')}`,
  ]);
  for (const [name, cn] of [
    ['kesos-flow', 'kesos-flow'],
    ['operator', 'kesos-flow operator'],
  ]) {
    issue(dir, name, `/O=kesos-flow/CN=${cn}`, ['basicConstraints=CA:FALSE', 'keyUsage=digitalSignature', 'extendedKeyUsage=clientAuth']);
  }
  // Local mode: everything this user's alone. `shareable` (compose): certificates readable by the
  // containers' users; keys stay 0600 (chown them to the containers' uid, see the README).
  for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), opts.shareable && !f.endsWith('.key') ? 0o644 : 0o600);
  fs.rmSync(path.join(dir, 'ca.srl'), { force: true });
  return paths;
}

if (require.main === module) {
  const [dir, ...hosts] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: npx tsx infra/certs.ts <dir> [extra DNS names…]');
    process.exit(2);
  }
  const c = ensureTemporalCerts(path.resolve(dir), hosts, { shareable: true });
  console.log(`Temporal mTLS certificates in ${c.dir}: ca.pem, server.pem/.key, kesos-flow.pem/.key, operator.pem/.key`);
}
