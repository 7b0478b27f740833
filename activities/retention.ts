// Retention (UU PDP Pasal 42-44): a retention period after a case is closed or cancelled, its
// personal fields are anonymised, the free text of its audit rows too (audit_texts; the chain
// keeps their digests). Statistics stay: PMKS category, regions, sex, birth year, statuses,
// dates, decisions. Idempotency records (whole answers, a registration's NIK and name among
// them) are deleted once their 24 hours are over.
import type { Sql } from '../db';
import { appendEntityEvent } from '../db/audit';
import { blankCaseTexts } from '../db/auditTexts';
import { purgeExpiredIdempotencyKeys } from '../db/idempotency';
import { retentionOfCase } from '../db/settings';

export function retentionActivities(sql: Sql) {
  return {
    /** Anonymises up to `batch` expired cases; returns how many (the workflow loops until 0). */
    async anonymiseExpiredCases(a: { batch: number; at: string }): Promise<number> {
      return sql.begin(async (tx) => {
        // The retention period of each case's region: the most specific policy row wins.
        const due = await tx<{ id: string }[]>`
          SELECT c.id FROM cases c
          CROSS JOIN LATERAL (${retentionOfCase(tx)}) r
          WHERE c.anonymised_at IS NULL AND c.closed_at IS NOT NULL AND c.closed_at + r.period::interval <= ${a.at}::timestamptz
          ORDER BY c.closed_at LIMIT ${a.batch} FOR UPDATE OF c SKIP LOCKED`;
        if (!due.length) return 0;
        const ids = due.map((d) => d.id);
        await tx`
          UPDATE cases SET nik = NULL, name = '(dianonimkan)', address = '(dianonimkan)',
                 birth_date = date_trunc('year', birth_date)::date, summary = '(dianonimkan)',
                 consent = jsonb_build_object('basis', consent->>'basis'), anonymised_at = ${a.at}
          WHERE id IN ${tx(ids)}`;
        // Free text in task payloads and referrals may name the person too.
        await tx`UPDATE tasks SET data = CASE WHEN data IS NULL THEN NULL ELSE '{"anonymised": true}'::jsonb END, context = '{}' WHERE case_id IN ${tx(ids)}`;
        await tx`UPDATE referrals SET reason = '(dianonimkan)', outcome = NULL WHERE case_id IN ${tx(ids)}`;
        // Comments on the case's tasks are people's words about the person (migration 028).
        await tx`UPDATE task_comments SET body = '(dianonimkan)' WHERE task_id IN (SELECT id FROM tasks WHERE case_id IN ${tx(ids)})`;
        // Reasons and notes of the case's audit rows (the rows themselves are append-only).
        await blankCaseTexts(tx, ids, a.at);
        for (const id of ids) {
          await appendEntityEvent(tx, { type: 'case', id, caseId: id }, 'anonymised', { at: a.at, actor: null, details: {} });
        }
        return ids.length;
      });
    },

    /** Deletes the idempotency records older than 24 hours at `at` (db/idempotency.ts); returns how many. */
    purgeIdempotencyKeys: (a: { at: string }): Promise<number> => purgeExpiredIdempotencyKeys(sql, a.at),
  };
}
