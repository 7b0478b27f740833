// Privileged requests (four-eyes for admins): recorded by the first admin's call with a reason,
// done only when another admin confirms (api/privileged/routes.ts). Both steps are audited.
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type { Sql, Tx } from '../../db';
import { actorOf } from '../http';
import { appendRequestEvent } from '../requestAudit';
import { PRIVILEGED_REQUEST_HOURS, type PrivilegedKind } from './schema';

export interface PrivilegedRow {
  id: string;
  kind: PrivilegedKind;
  targetUserId: string | null;
  summary: Record<string, unknown>;
  payload: Record<string, unknown>;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
  expiresAt: Date;
  status: 'pending' | 'confirmed' | 'done' | 'declined' | 'expired';
  decidedBy: string | null;
  decidedAt: Date | null;
}

export const presentPrivileged = (r: PrivilegedRow, result?: unknown) => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  summary: r.summary,
  reason: r.reason,
  targetUserId: r.targetUserId,
  requestedBy: r.requestedBy,
  requestedAt: r.requestedAt.toISOString(),
  expiresAt: r.expiresAt.toISOString(),
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  ...(result === undefined ? {} : { result }),
});

/** Requests past their time are expired, and what they would have done (a NIK, a password hash) is dropped. */
export async function expirePrivilegedRequests(sql: Sql | Tx): Promise<void> {
  await sql`UPDATE privileged_requests SET status = 'expired', payload = '{}' WHERE status IN ('pending', 'confirmed') AND expires_at < now()`;
}

/** The codes of a request the audit trail keeps (no NIK, no display name, no secret). */
const auditedSummary = (summary: Record<string, unknown>) => {
  const { username, role, regionCode, changes } = summary as Record<string, unknown>;
  return { username, role, regionCode, changes };
};

/**
 * Records a request for a second admin: the caller's audit row carries its kind and reason.
 * `payload` is what confirming it does (never a password: its hash); `summary` what the second
 * admin is shown.
 */
export async function requestPrivileged(
  sql: Sql,
  res: Response,
  r: { kind: PrivilegedKind; targetUserId?: string | null; summary: Record<string, unknown>; payload: Record<string, unknown>; reason: string },
) {
  const actor = actorOf(res);
  const id = randomUUID();
  return sql.begin(async (tx) => {
    const [row] = await tx<PrivilegedRow[]>`
      INSERT INTO privileged_requests (id, kind, target_user_id, summary, payload, reason, requested_by, expires_at)
      VALUES (${id}, ${r.kind}, ${r.targetUserId ?? null}, ${tx.json(r.summary as never)}, ${tx.json(r.payload as never)}, ${r.reason}, ${actor.id},
              now() + ${`${PRIVILEGED_REQUEST_HOURS} hours`}::interval)
      RETURNING *`;
    await appendRequestEvent(tx, res, {
      key: 'privileged',
      action: 'privileged.requested',
      entityType: 'privileged_request',
      entityId: id,
      details: { kind: r.kind, targetUserId: r.targetUserId ?? undefined, ...auditedSummary(r.summary), reason: r.reason },
    });
    return presentPrivileged(row);
  });
}

/** The decision's audit row (confirmed or declined), with the request's reason. */
export function auditDecision(tx: Tx, res: Response, row: PrivilegedRow, approved: boolean): Promise<void> {
  return appendRequestEvent(tx, res, {
    key: 'privileged:decision',
    action: approved ? 'privileged.confirmed' : 'privileged.declined',
    entityType: 'privileged_request',
    entityId: row.id,
    details: { kind: row.kind, targetUserId: row.targetUserId ?? undefined, requestedBy: row.requestedBy, ...auditedSummary(row.summary), reason: row.reason },
  });
}
