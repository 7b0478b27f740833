// Tali asih eligibility follows the TKSK assignment (docs/tksk-assignment.md, decision 0022): a
// TKSK with an assignment record is paid for a month (YYYY-MM) only when one of their SK periods
// covers it: it has started by the month's last day and, once ended, the month is no later than
// the last full month served (domain/tkskAssignment.ts taliAsihLastDayOf, written in SQL here). A
// TKSK with no assignment record at all (accounts from before assignments, the demo's) stays
// eligible as before: an active account is enough. One SQL condition, shared by the claim route
// and the monthly Schedule's activity, so both answer the same.
import type { Sql } from './index';

/** SQL: the last day of the month `period` ('2026-03' → 2026-03-31). */
const monthEnd = (sql: Sql, period: string) => sql`((${`${period}-01`}::date + interval '1 month' - interval '1 day')::date)`;

/** A condition on the users row aliased `alias`: eligible for a claim of `period` (the account's disabled flag is checked apart). */
export function coveredByAssignment(sql: Sql, period: string, alias = 'u') {
  const id = sql.unsafe(`${alias}.id`);
  return sql`(
    NOT EXISTS (SELECT 1 FROM tksk_assignments t WHERE t.user_id = ${id})
    OR EXISTS (
      SELECT 1 FROM tksk_assignments t
      WHERE t.user_id = ${id} AND t.start_date <= ${monthEnd(sql, period)}
        AND (t.status <> 'ended' OR ${monthEnd(sql, period)} <= CASE
              WHEN extract(day FROM t.ended_on + 1) = 1 THEN t.ended_on
              ELSE (date_trunc('month', t.ended_on) - interval '1 day')::date END)
    )
  )`;
}

/** Whether `tkskId` may have a claim for `period` under the assignment rule. */
export async function assignmentAllowsClaim(sql: Sql, tkskId: string, period: string): Promise<boolean> {
  const [row] = await sql<{ ok: boolean }[]>`SELECT ${coveredByAssignment(sql, period)} AS ok FROM users u WHERE u.id = ${tkskId}`;
  return !!row?.ok;
}
