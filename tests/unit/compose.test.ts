// docker-compose.yml runs what `npm run test:cluster` tested: the same Temporal server version
// (the compose images, the install script's Go build, infra/temporalCluster.ts), every secret
// required, and a file that docker-compose accepts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TEMPORAL_SERVER_VERSION } from '../../infra/temporalCluster';

const ROOT = path.resolve(__dirname, '..', '..');
const compose = fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
const SECRETS = [
  'POSTGRES_PASSWORD',
  'TEMPORAL_DB_PASSWORD',
  'KESOS_APP_DB_PASSWORD',
  'JWT_SECRET',
  'PAYLOAD_KEYS',
  'PAYLOAD_KEY_ID',
  'SEAL_KEYS',
  'SEAL_KEY_ID',
  'PAYMENT_PROVIDER_TOKEN',
];

test('the Temporal images are the version test:cluster builds and runs', () => {
  const images = [...compose.matchAll(/image: (temporalio\/(?:server|admin-tools)):(\S+)/g)].map((m) => [m[1], m[2]]);
  expect(images.filter(([name]) => name === 'temporalio/server')).toHaveLength(4); // history, matching, frontend, worker
  expect(new Set(images.map(([, tag]) => tag))).toEqual(new Set([TEMPORAL_SERVER_VERSION]));
  expect(compose).not.toMatch(/auto-setup|tctl/);
  const install = fs.readFileSync(path.join(ROOT, 'scripts', 'install-tools.js'), 'utf8');
  expect(install).toContain(`const TEMPORAL_SERVER_VERSION = '${TEMPORAL_SERVER_VERSION}'`);
});

test('every secret is required, and the API is published only through the proxy', () => {
  for (const name of SECRETS) expect(compose).toContain(`\${${name}:?set ${name}}`);
  const example = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
  for (const name of SECRETS) expect(example).toMatch(new RegExp(`^${name}=`, 'm'));
  expect(compose).not.toMatch(/'3000:3000'/);
});

const dockerCompose = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
(dockerCompose ? test : test.skip)('docker-compose validates the file (with every secret set), and refuses it without them', () => {
  const env = { ...process.env, ...Object.fromEntries(SECRETS.map((s) => [s, 'placeholder-value-for-validation'])) };
  const ok = spawnSync('docker-compose', ['-f', path.join(ROOT, 'docker-compose.yml'), 'config', '-q'], { encoding: 'utf8', env, cwd: ROOT });
  expect({ status: ok.status, stderr: ok.stderr }).toEqual({ status: 0, stderr: '' });
  const without = { ...env };
  delete without.SEAL_KEYS;
  const refused = spawnSync('docker-compose', ['-f', path.join(ROOT, 'docker-compose.yml'), 'config', '-q'], { encoding: 'utf8', env: without, cwd: ROOT });
  expect(refused.status).not.toBe(0);
  expect(refused.stderr).toContain('set SEAL_KEYS');
});
