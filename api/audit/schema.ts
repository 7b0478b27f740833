import { z } from 'zod';
import { auditAnchorSchema as anchorSchema } from '../../domain/audit';
import { isoDateTimeSchema } from '../../domain/primitives';
import { listQuerySchema } from '../list';
import { CHAIN_BREAK_REASONS } from '../../domain/audit';

export const auditListQuerySchema = listQuerySchema(['seq', 'at'] as const, {
  caseId: z.uuid().optional(),
  actorId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  entityType: z.string().max(40).optional(),
  /** From this time (inclusive), ISO 8601. */
  from: isoDateTimeSchema.optional(),
  /** Until this time (exclusive), ISO 8601. */
  to: isoDateTimeSchema.optional(),
});

export type AuditListFilter = NonNullable<z.infer<typeof auditListQuerySchema>['filter']>;

/** CSV export takes the same filter (and sort) as the list, without paging. */
export const auditExportQuerySchema = auditListQuerySchema.omit({ range: true });

/** One row of the hash-chained audit log: codes, decisions and reasons, never NIK or names. */
export const auditEntrySchema = z
  .object({
    /** The row's sequence number (as a string: bigint). */
    id: z.string(),
    seq: z.string(),
    /** Idempotency key of the event (a retried write appends it once). */
    eventKey: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    /** The actor's display name (null for the system). */
    actorName: z.string().nullable(),
    /** The actor's role, or `system`. */
    actorRole: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    caseId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    /** SHA-256 of the previous row (the chain). */
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

/** A chain head anchored outside PostgreSQL (kept in Temporal by the workflow `kesos-audit-anchors`). */
export const auditAnchorSchema = anchorSchema.meta({ id: 'AuditAnchor' });

export const chainVerificationSchema = z
  .object({
    /** The chain recomputes and every anchor matches. */
    ok: z.boolean(),
    rows: z.number().int(),
    /**
     * The first row (by seq) that breaks the chain: its stored `prev_hash` or `hash` differ from
     * the recomputation, or an anchor no longer matches (`anchor` names it): the row at its seq has
     * another hash (`anchor_hash`: a row at or before it was rewritten and the chain rehashed),
     * another number of rows lies up to it (`anchor_rows`: rows deleted or inserted), or the row
     * is gone (`anchor_missing`).
     */
    firstBroken: z
      .object({
        seq: z.string(),
        reason: z.enum(CHAIN_BREAK_REASONS),
        anchor: auditAnchorSchema.optional(),
      })
      .optional(),
    /** The anchors compared with the chain: how many, when the latest was taken (null: none yet), and whether all match. */
    anchors: z.object({ checked: z.number().int(), latestAt: z.string().nullable(), ok: z.boolean() }),
    /** The free texts kept beside the chain (reasons, notes), each against the digest its row chained; blanked ones are not counted. */
    texts: z.object({
      ok: z.boolean(),
      rows: z.number().int(),
      /** The first text that no longer matches its chained digest. */
      firstBroken: z.object({ eventKey: z.string(), field: z.string() }).optional(),
    }),
    verifiedAt: z.string(),
  })
  .meta({ id: 'ChainVerification' });
