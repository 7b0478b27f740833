// One PostgreSQL client per process (porsager's `postgres`), with snake_case columns mapped to
// camelCase fields.
import postgres from 'postgres';

export type Sql = postgres.Sql;
/** A transaction handle (inside sql.begin). */
export type Tx = postgres.TransactionSql;

export function connect(databaseUrl: string, opts: { max?: number; customPlans?: boolean } = {}): Sql {
  return postgres(databaseUrl, {
    max: opts.max ?? 10,
    transform: postgres.camel,
    onnotice: () => undefined,
    // customPlans (the API's lists): postgres.js prepares every statement, and after five runs
    // PostgreSQL may keep a generic plan, blind to parameter values: a region prefix
    // (`region_code LIKE $1`) then cannot use its index, and a kabupaten inbox at 100,000 cases
    // took 100 ms instead of 7. The worker's keyed writes keep cached plans (planning is not free).
    ...(opts.customPlans ? { connection: { plan_cache_mode: 'force_custom_plan' } } : {}),
    // bigint (audit seq, counts) stays a string, as postgres.js returns it: JSON-safe.
  });
}
