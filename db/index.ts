// One PostgreSQL client per process (porsager's `postgres`), with snake_case columns mapped to
// camelCase fields.
import postgres from 'postgres';

export type Sql = postgres.Sql;
/** A transaction handle (inside sql.begin). */
export type Tx = postgres.TransactionSql;

export function connect(databaseUrl: string, opts: { max?: number } = {}): Sql {
  return postgres(databaseUrl, {
    max: opts.max ?? 10,
    transform: postgres.camel,
    onnotice: () => undefined,
    // bigint (audit seq, counts) stays a string, as postgres.js returns it: JSON-safe.
  });
}
