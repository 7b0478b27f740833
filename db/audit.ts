// The tamper-evident audit log. Each row's hash = SHA-256(prev_hash + "\n" + canonical JSON of
// its content); appends are serialised by an advisory lock so the chain is a line, and keyed by
// `eventKey` so an activity retried after a crash appends nothing twice.
import { createHash } from 'node:crypto';
import type { Sql, Tx } from './index';
import { canonicalJson } from '../domain/seal';

export const GENESIS_HASH = '0'.repeat(64);
const CHAIN_LOCK = 73_730_002;

export interface AuditEntry {
  /** Idempotency key: the same event appended twice is stored once. */
  eventKey: string;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string;
  caseId: string | null;
  details: Record<string, unknown>;
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

/** An event done by an actor (or the system, when null) to one entity: the usual audit row. */
export function appendActorEvent(
  tx: Tx,
  e: { eventKey: string; at: string; actor: { id: string; role: string } | null; action: string; entityType: string; entityId: string; caseId: string | null; details: Record<string, unknown> },
): Promise<void> {
  return appendAudit(tx, {
    eventKey: e.eventKey,
    at: new Date(e.at),
    actorId: e.actor?.id ?? null,
    actorRole: e.actor?.role ?? 'system',
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    caseId: e.caseId,
    details: e.details,
  });
}

export interface ChainVerification {
  ok: boolean;
  rows: number;
  /** First row whose stored hashes do not match the recomputation. */
  firstBroken?: { seq: string; reason: 'prev_hash' | 'hash' };
}

export async function verifyAuditChain(sql: Sql): Promise<ChainVerification> {
  let prev = GENESIS_HASH;
  let rows = 0;
  let firstBroken: ChainVerification['firstBroken'];
  await sql`SELECT * FROM audit_log ORDER BY seq`.cursor(500, async (batch) => {
    for (const r of batch) {
      rows++;
      if (firstBroken) continue;
      if (r.prevHash !== prev) firstBroken = { seq: String(r.seq), reason: 'prev_hash' };
      else if (auditHash(prev, r as unknown as AuditEntry) !== r.hash) firstBroken = { seq: String(r.seq), reason: 'hash' };
      prev = r.hash;
    }
  });
  return { ok: !firstBroken, rows, firstBroken };
}
