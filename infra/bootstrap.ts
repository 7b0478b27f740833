// `npm run bootstrap`: brings an empty production deployment to a usable first sign-in, and is
// safe to run again (docker-compose.yml's one-shot `bootstrap` service runs it on every `up`):
//   1. PostgreSQL, as the schema's owner (DATABASE_ADMIN_URL): migrations, the least-privilege
//      role kesos_app (its password from DATABASE_URL), the reference regions; never demo data.
//   2. The first admin, only while there is no admin at all: BOOTSTRAP_ADMIN_USERNAME (default
//      `admin`) with BOOTSTRAP_ADMIN_PASSWORD, or a generated password printed once here; it must
//      choose its own password at its first sign-in (nothing else works until then).
//   3. Temporal (TEMPORAL_ADDRESS, with TEMPORAL_TLS_* for mutual TLS): the namespace with its
//      retention, and kesos-flow's search attributes with their types.
import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from '../db';
import { hashPassword } from '../db/password';
import { loadConfig } from './config';
import { prepareDatabase } from './stack';
import { ensureNamespace, ensureSearchAttributes, waitForTemporal } from './temporalServer';
import { endpointOf } from './temporalTls';

const log = (line: string) => console.log(`[bootstrap] ${line}`);

/** The first admin account, if there is no admin yet; its password is printed only when generated. */
async function firstAdmin(adminUrl: string, env: NodeJS.ProcessEnv): Promise<void> {
  const sql = connect(adminUrl, { max: 1 });
  try {
    const [admin] = await sql`SELECT username FROM users WHERE role = 'admin' LIMIT 1`;
    if (admin) return log(`an admin exists (${admin.username as string}): no account created`);
    const username = env.BOOTSTRAP_ADMIN_USERNAME || 'admin';
    const given = env.BOOTSTRAP_ADMIN_PASSWORD || undefined; // compose passes an unset one as ''
    if (given !== undefined && given.length < 12) throw new Error('BOOTSTRAP_ADMIN_PASSWORD must have at least 12 characters');
    const password = given ?? randomBytes(18).toString('base64url');
    await sql`
      INSERT INTO users (id, username, display_name, role, region_code, password_hash, must_change_password)
      VALUES (${`usr_${randomUUID()}`}, ${username}, ${env.BOOTSTRAP_ADMIN_DISPLAY_NAME || 'Administrator Sistem'}, 'admin', NULL, ${await hashPassword(password)}, true)`;
    log(`created the first admin "${username}": its first sign-in asks for a new password`);
    if (!given) log(`its password (shown once, write it down): ${password}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function main() {
  const config = loadConfig();
  const adminUrl = config.databaseAdminUrl ?? config.databaseUrl;
  if (!adminUrl) throw new Error('bootstrap needs DATABASE_ADMIN_URL (the schema owner) and DATABASE_URL (the application role)');
  await prepareDatabase(config.databaseAdminUrl ? { adminUrl, appUrl: config.databaseUrl } : { adminUrl }, false, log);
  await firstAdmin(adminUrl, process.env);
  if (config.temporalAddress) {
    const endpoint = endpointOf(config.temporalAddress, config.temporalTlsFiles);
    // In compose the frontend starts beside this: wait for it rather than fail.
    await waitForTemporal(endpoint, 180_000);
    log(`Temporal namespace ${config.namespace}: ${await ensureNamespace(endpoint, config.namespace)}`);
    await ensureSearchAttributes(endpoint, config.namespace);
    log('search attributes registered');
  } else {
    log('TEMPORAL_ADDRESS is not set: namespace and search attributes skipped');
  }
  log('ready');
}

main().catch((err: unknown) => {
  console.error('[bootstrap] failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
