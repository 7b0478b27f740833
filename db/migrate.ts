// Forward-only SQL migrations from db/migrations, applied in name order inside one transaction
// under an advisory lock (so a worker and an API starting together never race), recorded in
// schema_migrations.
import fs from 'node:fs';
import path from 'node:path';
import type { Sql } from './index';

const MIGRATIONS_DIR = path.join(__dirname, 'migrations');
const LOCK_KEY = 73_730_001;

export async function migrate(sql: Sql): Promise<string[]> {
  const files = fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
  return sql.begin(async (tx) => {
    await tx`SELECT pg_advisory_xact_lock(${LOCK_KEY})`;
    await tx`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`;
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
}
