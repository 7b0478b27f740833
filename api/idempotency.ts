// Idempotency-Key (IETF draft-ietf-httpapi-idempotency-key-header): the same key and body get
// the first response again, replayed; the same key with a different body is a 422; a request
// still in flight with that key is a 409. Keys are per user and last IDEMPOTENCY_KEY_HOURS: the
// record holds the request's hash (never its body) and the answer to replay, which for a
// registration is the person's record, so the retention workflow deletes expired ones, and an
// expired one that is still there is a new request.
import { createHash, randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { Sql } from '../db';
import { canonicalJson } from '../db/audit';
import { IDEMPOTENCY_KEY_HOURS } from '../db/idempotency';
import { actorOf } from './http';
import { HttpProblem } from './problem';

/** A key still "in progress" after this long belongs to a request that died: it may be taken over. */
const STALE_AFTER_SECONDS = 20;

export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{8,200}$/, 'Idempotency-Key: 8-200 visible ASCII characters');

/** A stable UUID (RFC 9562 version 5 layout) derived from the user and their key (records from before resource_id). */
export function uuidFromKey(userId: string, key: string): string {
  const b = createHash('sha256').update(`${userId}\n${key}`).digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function idempotent(sql: Sql, route: string): RequestHandler {
  return async (req, res, next) => {
    const header = req.header('idempotency-key');
    if (header === undefined) return next();
    const parsed = idempotencyKeySchema.safeParse(header);
    if (!parsed.success) throw new HttpProblem(400, parsed.error.issues[0].message);
    const key = parsed.data;
    const actor = actorOf(res);
    const requestHash = createHash('sha256')
      .update(canonicalJson(req.body ?? null))
      .digest('hex');

    // An expired record is gone (the retention workflow deletes them daily; this one had not yet).
    await sql`DELETE FROM idempotency_keys WHERE user_id = ${actor.id} AND key = ${key} AND created_at < now() - ${`${IDEMPOTENCY_KEY_HOURS} hours`}::interval`;
    const [existing] = await sql<
      { requestHash: string; statusCode: number | null; response: unknown; route: string; stale: boolean; resourceId: string | null }[]
    >`
      SELECT request_hash, status_code, response, route, resource_id, created_at < now() - ${`${STALE_AFTER_SECONDS} seconds`}::interval AS stale
      FROM idempotency_keys WHERE user_id = ${actor.id} AND key = ${key}`;
    if (existing) {
      if (existing.requestHash !== requestHash || existing.route !== route) {
        throw new HttpProblem(422, 'this Idempotency-Key was used with a different request body; use a new key for a new request');
      }
      if (existing.statusCode !== null) {
        res.setHeader('Idempotent-Replayed', 'true');
        if (existing.statusCode >= 400) res.type('application/problem+json');
        return void res.status(existing.statusCode).json(existing.response);
      }
      if (!existing.stale)
        throw new HttpProblem(409, 'a request with this Idempotency-Key is still being processed; retry shortly', { code: 'request-in-progress' });
      // The first attempt died mid-way (an API crash): take it over. Handlers make their effect
      // idempotent from the key (e.g. the case id), so finishing it here does nothing twice.
    }
    const resourceId = existing ? (existing.resourceId ?? uuidFromKey(actor.id, key)) : randomUUID();
    const claimed = existing
      ? await sql`UPDATE idempotency_keys SET created_at = now() WHERE user_id = ${actor.id} AND key = ${key} AND status_code IS NULL RETURNING key`
      : await sql`
          INSERT INTO idempotency_keys (user_id, key, route, request_hash, resource_id) VALUES (${actor.id}, ${key}, ${route}, ${requestHash}, ${resourceId})
          ON CONFLICT DO NOTHING RETURNING key`;
    if (!claimed.length)
      throw new HttpProblem(409, 'a request with this Idempotency-Key is still being processed; retry shortly', { code: 'request-in-progress' });
    res.locals.idempotencyKey = key;
    /** The id of what this request creates: the same for a takeover of a crashed attempt. */
    res.locals.idempotentResourceId = resourceId;

    // Keep the final answer: success and client errors are replayed; a server error frees the key.
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      const status = res.statusCode;
      const store =
        status >= 500
          ? sql`DELETE FROM idempotency_keys WHERE user_id = ${actor.id} AND key = ${key}`
          : sql`UPDATE idempotency_keys SET status_code = ${status}, response = ${sql.json(body as never)} WHERE user_id = ${actor.id} AND key = ${key}`;
      store.then(
        () => json(body),
        () => json(body),
      );
      return res;
    };
    next();
  };
}
