// Forward-only SQL migrations from db/migrations, applied in name order inside one transaction
// under an advisory lock (so a worker and an API starting together never race), recorded in
// schema_migrations.
import fs from 'node:fs';
import path from 'node:path';
import type { Sql } from './index';

const MIGRATIONS_DIR = path.join(__dirname, 'migrations');
const LOCK_KEY = 73_730_001;

/**
 * Applies what is pending. The owner of the schema runs them (DATABASE_ADMIN_URL, or the
 * superuser in local mode: infra/stack.ts); for the application's role (db/roles.ts), which may
 * not, this only checks that nothing is pending.
 */
export async function migrate(sql: Sql): Promise<string[]> {
  const files = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  try {
    return await sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(${LOCK_KEY})`;
      // Not CREATE TABLE IF NOT EXISTS: that asks for CREATE on the schema even when the table is there.
      const [{ exists }] = await tx<{ exists: boolean }[]>`SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`;
      if (!exists) await tx`CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`;
      const done = new Set((await tx<{ name: string }[]>`SELECT name FROM schema_migrations`).map((r) => r.name));
      const applied: string[] = [];
      for (const file of files) {
        if (done.has(file)) continue;
        await tx.unsafe(fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8'));
        await tx`INSERT INTO schema_migrations (name) VALUES (${file})`;
        applied.push(file);
      }
      return applied;
    });
  } catch (err) {
    if ((err as { code?: string }).code !== '42501') throw err;
    throw new Error(
      `migrations are pending and this role may not apply them (${(err as Error).message}): they run as the schema's owner, by npm start or npm run bootstrap with DATABASE_ADMIN_URL`,
      { cause: err },
    );
  }
}
