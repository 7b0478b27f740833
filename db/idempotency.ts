// How long an Idempotency-Key's record lives (api/idempotency.ts replays within it) and its
// deletion by the retention workflow: a record holds the answer to replay, which for a
// registration is the person's record.
import type { Sql } from './index';

export const IDEMPOTENCY_KEY_HOURS = 24;

/** Deletes the records older than IDEMPOTENCY_KEY_HOURS at `at`; returns how many. */
export async function purgeExpiredIdempotencyKeys(sql: Sql, at: string): Promise<number> {
  const purged = await sql`DELETE FROM idempotency_keys WHERE created_at < ${at}::timestamptz - ${`${IDEMPOTENCY_KEY_HOURS} hours`}::interval`;
  return purged.count;
}
