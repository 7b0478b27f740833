// The tamper-evident audit log. Each row's hash = SHA-256(prev_hash + "\n" + canonical JSON of
// its content); appends are serialised by an advisory lock so the chain is a line, and keyed by
// `eventKey` so an activity retried after a crash appends nothing twice.
import { createHash } from 'node:crypto';
import type { AuditAnchor } from '../domain/audit';
import { separateFreeText, storeAuditTexts } from './auditTexts';
import type { Sql, Tx } from './index';
import type { AuditFacts } from '../domain/audit';
import { canonicalJson } from '../domain/seal';

export type { AuditAnchor };

export const GENESIS_HASH = '0'.repeat(64);
/** The advisory lock that serialises appends (anyone rewriting the chain takes it too). */
export const CHAIN_LOCK = 73_730_002;

export interface AuditEntry extends AuditFacts {
  at: Date;
}

/** JSON with object keys sorted at every level (defined in domain/, where the sandbox needs it too). */
export { canonicalJson };

export function auditHash(prevHash: string, e: AuditEntry): string {
  const content = canonicalJson({
    eventKey: e.eventKey,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorRole: e.actorRole,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    caseId: e.caseId,
    details: e.details,
  });
  return createHash('sha256').update(`${prevHash}\n${content}`).digest('hex');
}

/** Appends inside the caller's transaction (so the audit row commits with the change it records). */
export async function appendAudit(tx: Tx, e: AuditEntry): Promise<void> {
  // The lock is its own statement: a READ COMMITTED statement reads a snapshot taken when it
  // starts, so the last hash must be read by a statement that starts after the lock is held.
  await tx`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
  const [{ duplicate, last }] = await tx<{ duplicate: boolean; last: string | null }[]>`
    SELECT EXISTS (SELECT 1 FROM audit_log WHERE event_key = ${e.eventKey}) AS duplicate,
           (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS last`;
  if (duplicate) return;
  const prevHash = last ?? GENESIS_HASH;
  // Millisecond precision, so the stored timestamp reads back exactly as hashed.
  const at = new Date(Math.floor(e.at.getTime()));
  const hash = auditHash(prevHash, { ...e, at });
  await tx`
    INSERT INTO audit_log (event_key, at, actor_id, actor_role, action, entity_type, entity_id, case_id, details, prev_hash, hash)
    VALUES (${e.eventKey}, ${at}, ${e.actorId}, ${e.actorRole}, ${e.action}, ${e.entityType}, ${e.entityId}, ${e.caseId},
            ${tx.json(e.details as never)}, ${prevHash}, ${hash})`;
}

/**
 * An event done by an actor (or the system, when null) to one entity: the usual audit row. Its
 * free text (reasons, notes) is stored beside the chain, which covers its digest (db/auditTexts.ts).
 */
export async function appendActorEvent(
  tx: Tx,
  e: {
    eventKey: string;
    at: string;
    actor: { id: string; role: string } | null;
    action: string;
    entityType: string;
    entityId: string;
    caseId: string | null;
    details: Record<string, unknown>;
  },
): Promise<void> {
  const { details, texts } = separateFreeText(e.details);
  await appendAudit(tx, {
    eventKey: e.eventKey,
    at: new Date(e.at),
    actorId: e.actor?.id ?? null,
    actorRole: e.actor?.role ?? 'system',
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    caseId: e.caseId,
    details,
  });
  await storeAuditTexts(tx, e.eventKey, e.caseId, texts);
}

/** A workflow transition to audit: the workflow generates `eventId`, which makes the row idempotent. */
export interface AuditedTransition {
  eventId: string;
  /** Workflow time of the transition. */
  at: string;
  actor: { id: string; role: string } | null;
  action: string;
  details: Record<string, unknown>;
}

/** An event named by its entity and a verb: key `<entity>:<id>:<verb>`, action `<entity>.<verb>`. */
export const appendEntityEvent = (
  tx: Tx,
  entity: { type: string; id: string; caseId: string | null },
  verb: string,
  e: { at: string; actor: { id: string; role: string } | null; details: Record<string, unknown> },
) =>
  appendActorEvent(tx, {
    ...e,
    eventKey: `${entity.type}:${entity.id}:${verb}`,
    action: `${entity.type}.${verb}`,
    entityType: entity.type,
    entityId: entity.id,
    caseId: entity.caseId,
  });

/** What an anchor records of the chain (domain/audit.ts), without its time. */
export type AuditChainHead = Omit<AuditAnchor, 'at'>;

/** The chain's last row and the number of rows up to it, read in one snapshot; null while the chain is empty. */
export async function auditChainHead(sql: Sql): Promise<AuditChainHead | null> {
  // Appends hold the chain lock until they commit, so no row below the head can commit later.
  const [head] = await sql<{ seq: string; hash: string; rows: string }[]>`
    SELECT h.seq, h.hash, (SELECT count(*) FROM audit_log WHERE seq <= h.seq) AS rows
    FROM (SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1) h`;
  return head ? { seq: String(head.seq), hash: head.hash, rows: Number(head.rows) } : null;
}

/**
 * Why a row breaks the chain: its stored prev_hash or hash differ from the recomputation, or an
 * anchor no longer matches — its row has another hash (rewritten, then rehashed), another number
 * of rows lies up to it (rows deleted or inserted below it), or its row is gone.
 */
export type ChainBreak = 'prev_hash' | 'hash' | 'anchor_hash' | 'anchor_rows' | 'anchor_missing';

export interface ChainVerification {
  ok: boolean;
  rows: number;
  /** The first row (by seq) whose stored hashes do not match the recomputation or an anchor; `anchor` names the anchor. */
  firstBroken?: { seq: string; reason: ChainBreak; anchor?: AuditAnchor };
  /** The anchors compared: how many, the latest one's time, and whether every one matched. */
  anchors: { checked: number; latestAt: string | null; ok: boolean };
}

const bySeq = (a: AuditAnchor, b: AuditAnchor) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : BigInt(a.seq) > BigInt(b.seq) ? 1 : 0);

/** Recomputes the chain, and compares every anchor (taken outside PostgreSQL) with the row at its seq. */
export async function verifyAuditChain(sql: Sql, anchors: readonly AuditAnchor[] = []): Promise<ChainVerification> {
  const pending = [...anchors].sort(bySeq);
  let next = 0;
  let prev = GENESIS_HASH;
  let rows = 0;
  let chainBroken = false;
  let anchorsOk = true;
  let firstBroken: ChainVerification['firstBroken'];
  const anchorFails = (anchor: AuditAnchor, reason: ChainBreak) => {
    anchorsOk = false;
    firstBroken ??= { seq: anchor.seq, reason, anchor };
  };
  await sql`SELECT * FROM audit_log ORDER BY seq`.cursor(500, async (batch) => {
    for (const r of batch) {
      rows++;
      const seq = BigInt(r.seq);
      // An anchor whose seq the walk has passed: its row is gone.
      while (next < pending.length && BigInt(pending[next].seq) < seq) anchorFails(pending[next++], 'anchor_missing');
      if (!chainBroken) {
        const reason = r.prevHash !== prev ? 'prev_hash' : auditHash(prev, r as unknown as AuditEntry) !== r.hash ? 'hash' : undefined;
        if (reason) {
          chainBroken = true;
          firstBroken ??= { seq: String(r.seq), reason };
        }
        prev = r.hash;
      }
      while (next < pending.length && BigInt(pending[next].seq) === seq) {
        const anchor = pending[next++];
        if (anchor.hash !== r.hash) anchorFails(anchor, 'anchor_hash');
        else if (anchor.rows !== rows) anchorFails(anchor, 'anchor_rows');
      }
    }
  });
  // Anchors beyond the last row: the chain was cut short.
  while (next < pending.length) anchorFails(pending[next++], 'anchor_missing');
  const latestAt = anchors.reduce<string | null>((latest, a) => (latest === null || a.at > latest ? a.at : latest), null);
  return { ok: !firstBroken, rows, firstBroken, anchors: { checked: anchors.length, latestAt, ok: anchorsOk } };
}
