// `tsx infra/migrate.ts`: prepares an external PostgreSQL for the API and the worker, as the
// schema's owner (DATABASE_ADMIN_URL): migrations, the least-privilege role kesos_app (its
// password taken from DATABASE_URL), reference regions; then checks that DATABASE_URL's role
// cannot change the audit trail. For deployments that start the API and the worker themselves
// (docker-compose.yml's `migrate` service); `npm start` does the same before starting them.
import { loadConfig } from './config';
import { prepareDatabase } from './stack';

async function main() {
  const config = loadConfig();
  if (!config.databaseUrl || !config.databaseAdminUrl) {
    throw new Error('infra/migrate.ts needs DATABASE_ADMIN_URL (the owner of the schema) and DATABASE_URL (the application role, kesos_app)');
  }
  await prepareDatabase({ adminUrl: config.databaseAdminUrl, appUrl: config.databaseUrl }, !config.production, (l) => console.log(`[migrate] ${l}`));
  console.log('[migrate] database ready');
}

main().catch((err: unknown) => {
  console.error('[migrate] failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
