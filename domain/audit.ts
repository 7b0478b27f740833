// The audit log's shared shapes: what every row records, and a chain anchor — the chain's head at one moment, kept outside PostgreSQL by the workflow
// `kesos-audit-anchors` (workflows/anchors.ts, docs/decisions/0009-audit-anchors.md). A superuser
// who rewrites a row and rehashes every row after it changes the hash at every later anchor, and
// cannot change the anchor.
import { z } from 'zod';
import { isoDateTimeSchema } from './primitives';

/** Why GET /api/audit/verify says the chain is broken at a row (the portal words each one). */
export const CHAIN_BREAK_REASONS = ['prev_hash', 'hash', 'anchor_hash', 'anchor_rows', 'anchor_missing'] as const;

export const auditAnchorSchema = z.object({
  /** The seq of the chain's last row when anchored (bigint, as a string). */
  seq: z.string().regex(/^\d+$/),
  /** That row's hash then. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** How many rows had a seq up to `seq` then (seq has gaps: a rolled-back append uses one up). */
  rows: z.number().int().nonnegative(),
  /** When it was anchored. */
  at: isoDateTimeSchema,
});

export type AuditAnchor = z.infer<typeof auditAnchorSchema>;

/** What every audit row records; the database's and the API's shapes add the time (Date or ISO text) and the hashes. */
export interface AuditFacts {
  /** Idempotency key: the same event appended twice is stored once. */
  eventKey: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  caseId: string | null;
  details: Record<string, unknown>;
}
