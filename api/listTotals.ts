// Totals for simple-rest lists without counting whole provinces on every page: the count stops
// at LIST_COUNT_CAP (the page itself is an index-ordered LIMIT query). Above the cap the
// Content-Range total is the cap and `X-Total-Capped: true` says so.
import type { Response } from 'express';
import type postgres from 'postgres';
import type { Sql } from '../db';

export const LIST_COUNT_CAP = 10_000;

export async function cappedCount(sql: Sql, from: ReturnType<Sql> | postgres.PendingQuery<postgres.Row[]>, res: Response): Promise<number> {
  const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${LIST_COUNT_CAP + 1}) x`;
  if (n > LIST_COUNT_CAP) {
    res.setHeader('X-Total-Capped', 'true');
    return LIST_COUNT_CAP;
  }
  return n;
}
