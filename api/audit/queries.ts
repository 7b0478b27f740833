// Audit reads, scoped in SQL: rows about cases in the actor's region; rows not about a case
// (settings, accounts, stipend claims, the chain's anchors) for national scopes and for auditors,
// who verify the whole chain and must be able to read every row it counts. A supervisor reads
// only their region's case rows (the portal says so above the list).
import type { Sql } from '../../db';
import { detailsWithTexts } from '../../db/auditTexts';
import { CASE_REGION_COLUMNS, inRegion } from '../../db/regionScope';
import type { Actor } from '../../domain/roles';
import { equalityFilters, type ListSpec } from '../list';
import type { AuditListFilter } from './schema';

export function auditScope(sql: Sql, actor: Actor) {
  if (actor.regionCode === null) return sql`TRUE`;
  if (actor.role === 'auditor')
    return sql`(a.case_id IS NULL OR a.case_id IN (SELECT c.id FROM cases c WHERE ${inRegion(sql, actor.regionCode, CASE_REGION_COLUMNS)}))`;
  return sql`a.case_id IN (SELECT c.id FROM cases c WHERE ${inRegion(sql, actor.regionCode, CASE_REGION_COLUMNS)})`;
}

/** An audit row's columns (alias a), its free text joined back into details (db/auditTexts.ts), and the actor's display name. */
export const auditColumns = (sql: Sql) =>
  sql`a.seq, a.event_key, a.at, a.actor_id, (SELECT u.display_name FROM users u WHERE u.id = a.actor_id) AS actor_name, a.actor_role, a.action, a.entity_type, a.entity_id, a.case_id, ${detailsWithTexts(sql)} AS details, a.prev_hash, a.hash`;

/** GET /api/audit (and its CSV export): newest first by default. */
export const auditList = (sql: Sql): ListSpec<'seq' | 'at', AuditListFilter> => ({
  resource: 'audit',
  sort: { seq: 'a.seq', at: 'a.at' },
  defaultSort: ['seq', 'DESC'],
  tieBreaker: 'a.seq',
  filters: {
    ...equalityFilters(sql, { caseId: 'a.case_id', actorId: 'a.actor_id', action: 'a.action', entityType: 'a.entity_type' }),
    from: (v) => sql`a.at >= ${v}`,
    to: (v) => sql`a.at < ${v}`,
  },
});

export const presentAudit = (r: Record<string, any>) => ({
  id: String(r.seq),
  seq: String(r.seq),
  eventKey: r.eventKey as string,
  at: (r.at as Date).toISOString(),
  actorId: r.actorId as string | null,
  actorName: (r.actorName as string | null) ?? null,
  actorRole: r.actorRole as string | null,
  action: r.action as string,
  entityType: r.entityType as string,
  entityId: r.entityId as string,
  caseId: r.caseId as string | null,
  details: r.details as Record<string, unknown>,
  prevHash: r.prevHash as string,
  hash: r.hash as string,
});
