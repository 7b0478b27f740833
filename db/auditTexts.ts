// Free text of audit rows (reasons, notes) kept beside the append-only chain (table audit_texts,
// migration 011): appending replaces each text in the row's details by a salted SHA-256 digest,
// which the chain hashes; readers put the text back (detailsWithTexts); retention blanks it with
// the case's personal data, and the chain keeps verifying because the digest never changes.
import { createHash, randomBytes } from 'node:crypto';
import type { Sql, Tx } from './index';

/** Fields of `details` that carry people's words, not codes. */
export const AUDIT_TEXT_FIELDS = ['reason', 'text', 'note', 'closureNote'] as const;

/** What stands in the chained details for a text. */
export interface TextDigest {
  textSha256: string;
}

/** What a reader sees of a text retention blanked. */
export const BLANKED_TEXT = '(dianonimkan)';

export const textDigest = (salt: string, text: string) => createHash('sha256').update(`${salt}\n${text}`).digest('hex');

export interface AuditText {
  field: string;
  text: string;
  salt: string;
}

/** The details to chain (texts replaced by their digests) and the texts to store beside them. */
export function separateFreeText(details: Record<string, unknown>): { details: Record<string, unknown>; texts: AuditText[] } {
  const texts: AuditText[] = [];
  const chained: Record<string, unknown> = { ...details };
  for (const field of AUDIT_TEXT_FIELDS) {
    const text = details[field];
    if (typeof text !== 'string' || text === '') continue;
    const salt = randomBytes(16).toString('hex');
    texts.push({ field, text, salt });
    chained[field] = { textSha256: textDigest(salt, text) } satisfies TextDigest;
  }
  return { details: chained, texts };
}

/** Inside the audit row's transaction; a retried event (already stored) stores nothing again. */
export async function storeAuditTexts(tx: Tx, eventKey: string, caseId: string | null, texts: AuditText[]): Promise<void> {
  for (const t of texts) {
    await tx`
      INSERT INTO audit_texts (event_key, field, case_id, text, salt) VALUES (${eventKey}, ${t.field}, ${caseId}, ${t.text}, ${t.salt})
      ON CONFLICT (event_key, field) DO NOTHING`;
  }
}

/**
 * SQL: the details of the audit row aliased `alias` with its texts put back (each text, or
 * BLANKED_TEXT once retention blanked it). Rows without texts read as stored.
 */
export function detailsWithTexts(sql: Sql | Tx, alias: 'a' | 'r' = 'a') {
  const a = sql.unsafe(alias);
  return sql`(${a}.details || coalesce((SELECT jsonb_object_agg(t.field, coalesce(t.text, ${BLANKED_TEXT})) FROM audit_texts t WHERE t.event_key = ${a}.event_key), '{}'::jsonb))`;
}

/** Retention: the texts of these cases' audit rows are blanked (text and salt; the chained digest stays). */
export async function blankCaseTexts(tx: Tx, caseIds: string[], at: string): Promise<void> {
  if (!caseIds.length) return;
  await tx`UPDATE audit_texts SET text = NULL, salt = NULL, blanked_at = ${at} WHERE case_id IN ${tx(caseIds)} AND blanked_at IS NULL`;
}

export interface TextVerification {
  ok: boolean;
  rows: number;
  /** The first text that no longer matches the digest its audit row chained. */
  firstBroken?: { eventKey: string; field: string };
}

/** Every stored text against the digest in its chained audit row (a blanked one has nothing left to check). */
export async function verifyAuditTexts(sql: Sql): Promise<TextVerification> {
  let rows = 0;
  let firstBroken: TextVerification['firstBroken'];
  await sql`
    SELECT t.event_key, t.field, t.text, t.salt, a.details -> t.field ->> 'textSha256' AS chained
    FROM audit_texts t LEFT JOIN audit_log a ON a.event_key = t.event_key
    WHERE t.blanked_at IS NULL ORDER BY t.event_key, t.field`.cursor(500, (batch) => {
    for (const r of batch) {
      rows++;
      if (!firstBroken && (r.chained === null || r.text === null || r.salt === null || textDigest(r.salt, r.text) !== r.chained)) {
        firstBroken = { eventKey: r.eventKey, field: r.field };
      }
    }
  });
  return { ok: !firstBroken, rows, firstBroken };
}
