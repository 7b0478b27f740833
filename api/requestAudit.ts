// The audit row of something an API caller did (a setting changed, personal data read, an
// export), keyed by the request so a retried statement appends it once.
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { Sql, Tx } from '../db';
import { appendActorEvent } from '../db/audit';
import type { Actor } from '../domain/roles';
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

/**
 * `<key>:<request id>:<server nonce>`. The request id may come from the client (X-Request-Id):
 * alone, a client repeating one would make every later event of that kind a "duplicate" that
 * is never appended. The nonce is the server's own, once per request.
 */
function eventKey(res: Response, key: string): string {
  res.locals.auditNonce ??= randomUUID();
  return `${key}:${res.locals.requestId}:${res.locals.auditNonce}`;
}

/** Inside the caller's transaction, so the row commits with the change it records. */
export function appendRequestEvent(tx: Tx, res: Response, e: RequestEvent): Promise<void> {
  return appendActorEvent(tx, {
    eventKey: eventKey(res, e.key),
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

/**
 * UU PDP: an auditor's read of a case's data (the case, its timeline, history and task data, the
 * audit trail) is itself on the record. Others' reads are not audited. Recorded before the
 * answer is sent: a read that cannot be audited is not served.
 */
export async function recordAuditorRead(sql: Sql, res: Response, actor: Actor, e: RequestEvent): Promise<void> {
  if (actor.role === 'auditor') await recordRequestEvent(sql, res, e);
}

/** An auditor's read of task rows (a task or a list page): one audit row per case the tasks are of. */
export async function recordAuditorTaskRead(sql: Sql, res: Response, actor: Actor, tasks: { id: string; caseId: string | null }[]): Promise<void> {
  if (actor.role !== 'auditor' || !tasks.length) return;
  const byCase = new Map<string | null, string[]>();
  for (const t of tasks) byCase.set(t.caseId, [...(byCase.get(t.caseId) ?? []), t.id]);
  await sql.begin(async (tx) => {
    for (const [caseId, taskIds] of byCase) {
      await appendRequestEvent(tx, res, {
        key: `read:tasks:${caseId ?? 'none'}`,
        action: 'task.data_read',
        // Tasks without a case are tali asih tasks (the TKSK's report): the list is the entity.
        entityType: caseId ? 'case' : 'task_list',
        entityId: caseId ?? `tasks:${taskIds.length}`,
        caseId,
        details: { taskIds },
      });
    }
  });
}
