// `tsx infra/temporalDatabases.ts`: Temporal's role `temporal` (TEMPORAL_DB_PASSWORD) and its two
// databases on the PostgreSQL server of DATABASE_ADMIN_URL, for docker-compose.yml's one-shot
// `temporal-db` service; temporal-sql-tool then creates the schemas. Idempotent.
import { prepareTemporalDatabases } from './temporalCluster';

const adminUrl = process.env.DATABASE_ADMIN_URL;
const password = process.env.TEMPORAL_DB_PASSWORD;
if (!adminUrl || !password || password.length < 16) {
  console.error('[temporal-db] needs DATABASE_ADMIN_URL and TEMPORAL_DB_PASSWORD (16+ characters)');
  process.exit(1);
}
prepareTemporalDatabases(adminUrl, password).then(
  () => console.log('[temporal-db] role temporal and databases temporal, temporal_visibility ready'),
  (err: unknown) => {
    console.error('[temporal-db] failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
