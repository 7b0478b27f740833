// `npm run bootstrap` on an empty database and a namespace that does not exist yet: migrations,
// regions, the first admin (password printed once), the namespace and its search attributes;
// a second run changes nothing.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Connection } from '@temporalio/client';
import { connect } from '../../db';
import { verifyPassword } from '../../db/password';
import { SEARCH_ATTRIBUTES } from '../../domain/searchAttributes';
import { db, stack, temporalEndpoint } from '../support/stack';

const ROOT = path.resolve(__dirname, '..', '..');
const admin = db();
afterAll(() => admin.end());

function bootstrap(env: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(ROOT, 'infra', 'bootstrap.ts')], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

test('an empty database and namespace become a usable first sign-in; running it again changes nothing', async () => {
  const name = `kesos_bootstrap_${randomUUID().slice(0, 8)}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(stack().databaseUrl);
  url.pathname = `/${name}`;
  const namespace = `bootstrap-${randomUUID().slice(0, 8)}`;
  const tls = stack().temporalTlsFiles;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    DATA_DIR: path.join(stack().dataDir, 'bootstrap'),
    DATABASE_ADMIN_URL: url.toString(),
    TEMPORAL_ADDRESS: stack().temporalAddress,
    TEMPORAL_NAMESPACE: namespace,
    ...(tls ? { TEMPORAL_TLS_CA: tls.ca, TEMPORAL_TLS_CERT: tls.cert, TEMPORAL_TLS_KEY: tls.key, TEMPORAL_TLS_SERVER_NAME: tls.serverName } : {}),
  };

  const first = bootstrap(env);
  expect(first.status).toBe(0);
  const password = /its password \(shown once, write it down\): (\S+)/.exec(first.out)?.[1];
  expect(password).toBeDefined();
  expect(first.out).toContain(`Temporal namespace ${namespace}: created`);

  const target = connect(url.toString(), { max: 1 });
  try {
    const users = await target<{ username: string; role: string; passwordHash: string; mustChangePassword: boolean }[]>`
      SELECT username, role, password_hash, must_change_password FROM users`;
    expect(users.map((u) => [u.username, u.role, u.mustChangePassword])).toEqual([['admin', 'admin', true]]); // no demo accounts
    expect(await verifyPassword(password!, users[0].passwordHash)).toBe(true);
    const [{ n }] = await target`SELECT count(*)::int AS n FROM regions WHERE code = '33.73.01'`;
    expect(n).toBe(1);

    const again = bootstrap(env);
    expect(again.status).toBe(0);
    expect(again.out).toContain('an admin exists (admin): no account created');
    expect(again.out).not.toContain('shown once');
    expect(again.out).toContain(`Temporal namespace ${namespace}: existed`);
    expect((await target`SELECT count(*)::int AS n FROM users`)[0].n).toBe(1);
  } finally {
    await target.end();
  }

  const connection = await Connection.connect(temporalEndpoint());
  try {
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    expect(Object.keys(customAttributes ?? {})).toEqual(expect.arrayContaining(Object.keys(SEARCH_ATTRIBUTES)));
  } finally {
    await connection.close();
  }
}, 240_000);
