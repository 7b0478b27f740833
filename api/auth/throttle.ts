// Login throttling per account and per address, kept in PostgreSQL so every API replica sees
// the same counts: too many failures in the window → 429 with Retry-After.
import type { Sql } from '../../db';

export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowSeconds: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { perAccount: 5, perAddress: 50, windowSeconds: 15 * 60 };

/** Seconds until a blocked key may try again, or 0 if it may try now. */
export async function retryAfter(sql: Sql, keys: { key: string; limit: number }[], windowSeconds: number): Promise<number> {
  let wait = 0;
  for (const { key, limit } of keys) {
    const [row] = await sql<{ failures: number; windowStart: Date }[]>`SELECT failures, window_start FROM login_failures WHERE key = ${key}`;
    if (!row) continue;
    const left = Math.ceil((row.windowStart.getTime() + windowSeconds * 1000 - Date.now()) / 1000);
    if (left > 0 && row.failures >= limit) wait = Math.max(wait, left);
  }
  return wait;
}

export async function recordFailure(sql: Sql, keys: string[], windowSeconds: number): Promise<void> {
  for (const key of keys) {
    await sql`
      INSERT INTO login_failures (key, failures, window_start) VALUES (${key}, 1, now())
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN login_failures.window_start < now() - ${`${windowSeconds} seconds`}::interval THEN 1 ELSE login_failures.failures + 1 END,
        window_start = CASE WHEN login_failures.window_start < now() - ${`${windowSeconds} seconds`}::interval THEN now() ELSE login_failures.window_start END`;
  }
}

export async function clearFailures(sql: Sql, key: string): Promise<void> {
  await sql`DELETE FROM login_failures WHERE key = ${key}`;
}
