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
    // postgres.js prepares every statement, and after five runs PostgreSQL may keep a generic
    // plan, blind to parameter values: a region prefix (`region_code LIKE $1`) then cannot use
    // its index, and a kabupaten inbox at 100,000 cases took 90 ms instead of 5. Plan each run.
    connection: { plan_cache_mode: 'force_custom_plan' },
    // bigint (audit seq, counts) stays a string, as postgres.js returns it: JSON-safe.
  });
}
