// The audit row of something an API caller did (a setting changed, personal data read, an
// export), keyed by the request id so a retried statement appends it once.
import type { Response } from 'express';
import type { Sql, Tx } from '../db';
import { appendActorEvent } from '../db/audit';
import { actorOf } from './http';

export interface RequestEvent {
  /** Prefix of the event key (`<key>:<request id>`). */
  key: string;
  action: string;
  entityType: string;
  entityId: string;
  caseId?: string | null;
  details?: Record<string, unknown>;
}

/** Inside the caller's transaction, so the row commits with the change it records. */
export function appendRequestEvent(tx: Tx, res: Response, e: RequestEvent): Promise<void> {
  return appendActorEvent(tx, {
    eventKey: `${e.key}:${res.locals.requestId}`,
    at: new Date().toISOString(),
    actor: actorOf(res),
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    caseId: e.caseId ?? null,
    details: e.details ?? {},
  });
}

/** A read or an export: the row in a transaction of its own. */
export async function recordRequestEvent(sql: Sql, res: Response, e: RequestEvent): Promise<void> {
  await sql.begin((tx) => appendRequestEvent(tx, res, e));
}
