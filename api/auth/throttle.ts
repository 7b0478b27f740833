// Login throttling per account and per address, kept in PostgreSQL so every API replica sees
// the same counts. An attempt is counted *before* its password is checked, in one statement per
// key that takes the key's row lock (INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING): of any
// number of parallel attempts at most `limit` in a window get to the password check, the rest are
// answered 429 with Retry-After. A successful sign-in clears the account's count and gives the
// address its attempt back.
import type { Sql } from '../../db';

export interface ThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowSeconds: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { perAccount: 5, perAddress: 50, windowSeconds: 15 * 60 };

export interface AttemptKeys {
  account: string;
  address: string;
}

class Throttled extends Error {
  constructor(readonly retryAfter: number) {
    super('throttled');
  }
}

/**
 * Counts a sign-in attempt against both keys, atomically: 0 if it may be checked now, else the
 * seconds until the blocking key's window ends (nothing counted then).
 */
export async function countAttempt(sql: Sql, keys: AttemptKeys, limits: ThrottleLimits): Promise<number> {
  const window = `${limits.windowSeconds} seconds`;
  return sql
    .begin(async (tx) => {
      // Account before address in every transaction: no two attempts wait on each other's keys.
      for (const [key, limit] of [
        [keys.account, limits.perAccount],
        [keys.address, limits.perAddress],
      ] as const) {
        const [counted] = await tx`
        INSERT INTO login_failures AS f (key, failures, window_start) VALUES (${key}, 1, now())
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN f.window_start < now() - ${window}::interval THEN 1 ELSE f.failures + 1 END,
          window_start = CASE WHEN f.window_start < now() - ${window}::interval THEN now() ELSE f.window_start END
        WHERE f.window_start < now() - ${window}::interval OR f.failures < ${limit}
        RETURNING failures`;
        if (counted) continue;
        // Over the limit: undo this attempt's count on the other key (the transaction rolls back).
        const [{ left }] = await tx<{ left: number }[]>`
        SELECT ceil(extract(epoch FROM window_start + ${window}::interval - now()))::int AS left FROM login_failures WHERE key = ${key}`;
        throw new Throttled(Math.max(1, left));
      }
      return 0;
    })
    .catch((err: unknown) => {
      if (err instanceof Throttled) return err.retryAfter;
      throw err;
    });
}

/** The attempt was the right password: the account starts afresh, the address gets the attempt back. */
export async function attemptSucceeded(sql: Sql, keys: AttemptKeys): Promise<void> {
  await sql`DELETE FROM login_failures WHERE key = ${keys.account}`;
  await sql`UPDATE login_failures SET failures = failures - 1 WHERE key = ${keys.address} AND failures > 0`;
}
