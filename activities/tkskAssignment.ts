// Activities of tkskAssignmentWorkflow (docs/tksk-assignment.md): the assignment's row and audit,
// the account and tali asih following it, the year's figures for the evaluation, and the ending
// (account disabled, open tasks to the successor or the unassigned queue). Every write is keyed
// by an event id: a retry writes nothing twice.
import { ApplicationFailure } from '@temporalio/activity';
import type { Sql, Tx } from '../db';
import { appendActorEvent, type AuditedTransition } from '../db/audit';
import { taliAsihLastDayOf, type AssignmentPeriod, type AssignmentStatus, type EvaluationCriterion, type EvaluationFigures } from '../domain/tkskAssignment';
import type { Actor } from '../domain/roles';

export interface AssignmentTransition extends AuditedTransition {
  assignmentId: string;
  status: AssignmentStatus;
  /** Columns set with the move (outcome, evaluation, end_reason, ended_on, successor_id). */
  set?: { outcome?: string; evaluation?: Record<string, unknown>; endReason?: string; endedOn?: string; successorId?: string | null };
}

const assignmentAudit = (tx: Tx, assignmentId: string, e: AuditedTransition) =>
  appendActorEvent(tx, { ...e, eventKey: `tksk_assignment:${assignmentId}:${e.eventId}`, entityType: 'tksk_assignment', entityId: assignmentId, caseId: null });

async function done(tx: Tx, assignmentId: string, eventId: string): Promise<boolean> {
  const [row] = await tx`SELECT 1 FROM audit_log WHERE event_key = ${`tksk_assignment:${assignmentId}:${eventId}`}`;
  return !!row;
}

export function tkskAssignmentActivities(sql: Sql) {
  return {
    /** Writes the period's row (once), status scheduled. */
    async recordAssignment(a: { userId: string; period: AssignmentPeriod; actor: Actor; at: string }): Promise<void> {
      const p = a.period;
      await sql.begin(async (tx) => {
        const inserted = await tx`
          INSERT INTO tksk_assignments (id, user_id, sk_number, sk_date, kecamatan_code, kabupaten_code, provinsi_code, start_date, end_date, status, created_by, created_at, updated_at)
          VALUES (${p.assignmentId}, ${a.userId}, ${p.skNumber}, ${p.skDate}, ${p.kecamatanCode}, ${p.kabupatenCode}, ${p.provinsiCode}, ${p.startDate}, ${p.endDate},
                  'scheduled', ${a.actor.id}, ${a.at}, ${a.at})
          ON CONFLICT (id) DO NOTHING RETURNING id`;
        if (!inserted.length) return;
        await assignmentAudit(tx, p.assignmentId, {
          eventId: 'recorded',
          at: a.at,
          actor: a.actor,
          action: 'tksk_assignment.recorded',
          details: { userId: a.userId, skNumber: p.skNumber, skDate: p.skDate, kecamatanCode: p.kecamatanCode, startDate: p.startDate, endDate: p.endDate },
        });
      });
    },

    async updateAssignment(t: AssignmentTransition): Promise<void> {
      await sql.begin(async (tx) => {
        if (await done(tx, t.assignmentId, t.eventId)) return;
        const s = t.set ?? {};
        await tx`
          UPDATE tksk_assignments SET status = ${t.status},
            outcome = coalesce(${s.outcome ?? null}, outcome),
            evaluation = coalesce(${s.evaluation ? tx.json(s.evaluation as never) : null}::jsonb, evaluation),
            end_reason = coalesce(${s.endReason ?? null}, end_reason),
            ended_on = coalesce(${s.endedOn ?? null}::date, ended_on),
            successor_id = coalesce(${s.successorId ?? null}, successor_id),
            updated_at = ${t.at}
          WHERE id = ${t.assignmentId}`;
        await assignmentAudit(tx, t.assignmentId, t);
      });
    },

    /**
     * The period starts: the account is enabled and tali asih eligibility runs from the start date
     * (the assignment's row is what the claim reads: activities/taliAsih.ts).
     */
    async activateAssignment(a: { userId: string; assignmentId: string; at: string }): Promise<void> {
      await sql.begin(async (tx) => {
        if (await done(tx, a.assignmentId, 'activated')) return;
        await tx`UPDATE users SET disabled = false WHERE id = ${a.userId}`;
        await tx`UPDATE tksk_assignments SET status = 'active', updated_at = ${a.at} WHERE id = ${a.assignmentId}`;
        await assignmentAudit(tx, a.assignmentId, {
          eventId: 'activated',
          at: a.at,
          actor: null,
          action: 'tksk_assignment.activated',
          details: { userId: a.userId },
        });
      });
    },

    /** The successor as the bulk reassignment takes it: an active TKSK of the kecamatan, or null. */
    async successorFor(a: {
      userId: string;
      kecamatanCode: string;
    }): Promise<{ id: string; role: string; regionCode: string | null; disabled: boolean } | null> {
      const [u] = await sql<{ id: string; role: string; regionCode: string | null; disabled: boolean }[]>`
        SELECT id, role, region_code, disabled FROM users WHERE id = ${a.userId} AND role = 'tksk' AND NOT disabled AND region_code = ${a.kecamatanCode}`;
      return u ?? null;
    },

    /** The Koordinator TKSK of the kabupaten (table tksk_koordinators), if one is named and active. */
    async koordinatorOf(a: { kabupatenCode: string }): Promise<{ userId: string; regionCode: string } | null> {
      const [k] = await sql<{ userId: string; regionCode: string }[]>`
        SELECT u.id AS user_id, u.region_code FROM tksk_koordinators k JOIN users u ON u.id = k.user_id
        WHERE k.kabupaten_code = ${a.kabupatenCode} AND u.role = 'tksk' AND NOT u.disabled`;
      return k ?? null;
    },

    /** The instrument (most specific region, latest version) and the figures of the period so far. */
    async evaluationInstrument(a: {
      userId: string;
      kecamatanCode: string;
      from: string;
      to: string;
    }): Promise<{ criteria: EvaluationCriterion[]; version: number; figures: EvaluationFigures }> {
      const [found] = await sql<{ items: EvaluationCriterion[]; version: number }[]>`
        SELECT items, version FROM tksk_evaluation_criteria
        WHERE region_code = '' OR ${a.kecamatanCode} = region_code OR ${a.kecamatanCode} LIKE region_code || '.%'
        ORDER BY length(region_code) DESC, version DESC LIMIT 1`;
      if (!found) throw ApplicationFailure.nonRetryable(`no evaluation instrument applies to ${a.kecamatanCode}`, 'NoInstrument');
      // The period's days are WIB days: midnight in Jakarta, not in the database session's zone.
      const since = sql`((${a.from}::date)::timestamp AT TIME ZONE 'Asia/Jakarta')`;
      const until = sql`((${a.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')`;
      const [c] = await sql<{ registered: number; handled: number }[]>`
        SELECT count(*) FILTER (WHERE registered_by = ${a.userId})::int AS registered, count(*) FILTER (WHERE assignee_id = ${a.userId})::int AS handled
        FROM cases WHERE created_at >= ${since} AND created_at < ${until}`;
      const [t] = await sql<{ completed: number; onTime: number; referrals: number; reports: number; sembako: number }[]>`
        SELECT count(*)::int AS completed,
               count(*) FILTER (WHERE due_at IS NULL OR completed_at <= due_at)::int AS on_time,
               count(*) FILTER (WHERE type = 'rujukan_feedback')::int AS referrals,
               count(*) FILTER (WHERE type = 'tali_asih_report')::int AS reports,
               count(*) FILTER (WHERE type = 'sembako_monitoring')::int AS sembako
        FROM tasks WHERE actor_id = ${a.userId} AND status = 'completed' AND completed_at >= ${since} AND completed_at < ${until}`;
      return {
        criteria: found.items,
        version: found.version,
        figures: {
          casesRegistered: c.registered,
          casesHandled: c.handled,
          tasksCompleted: t.completed,
          tasksOnTime: t.onTime,
          slaCompliance: t.completed ? Math.round((t.onTime / t.completed) * 1000) / 10 : null,
          referralsAnswered: t.referrals,
          monthlyReports: t.reports,
          sembakoMonitored: t.sembako,
        },
      };
    },

    /**
     * The end date has come: the account is disabled (its sessions revoked), tali asih stops after
     * the last full month, and the open tasks still the TKSK's (those of no case, and every one
     * when there is no successor) go to the successor or to the unassigned queue (assignee NULL).
     * Answers what is left with the TKSK (nothing, unless a case could not move).
     */
    async endAssignment(a: {
      userId: string;
      assignmentId: string;
      endDate: string;
      successorId: string | null;
      at: string;
      actor: Actor | null;
      reason: string;
    }): Promise<{ tasksMoved: number; openCasesLeft: number }> {
      return sql.begin(async (tx) => {
        const moved = await tx`
          UPDATE tasks SET assignee_id = ${a.successorId} WHERE assignee_id = ${a.userId} AND status = 'open' RETURNING id`;
        const [left] = await tx<{ n: number }[]>`
          SELECT count(*)::int AS n FROM cases WHERE assignee_id = ${a.userId} AND status NOT IN ('closed', 'cancelled') AND ${a.successorId !== null}`;
        if (await done(tx, a.assignmentId, 'ended')) return { tasksMoved: moved.length, openCasesLeft: left.n };
        await tx`UPDATE users SET disabled = true WHERE id = ${a.userId}`;
        // Its sessions end with it (as api/auth/refreshTokens.ts revokeAllOf does).
        await tx`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = ${a.userId} AND revoked_at IS NULL`;
        const lastDay = taliAsihLastDayOf(a.endDate);
        await tx`UPDATE tali_asih_assignments SET valid_to = ${lastDay} WHERE tksk_id = ${a.userId} AND (valid_to IS NULL OR valid_to > ${lastDay})`;
        await tx`
          UPDATE tksk_assignments SET status = 'ended', end_reason = ${a.reason}, ended_on = ${a.endDate}, successor_id = ${a.successorId}, updated_at = ${a.at}
          WHERE id = ${a.assignmentId}`;
        await assignmentAudit(tx, a.assignmentId, {
          eventId: 'ended',
          at: a.at,
          actor: a.actor,
          action: 'tksk_assignment.ended',
          details: {
            userId: a.userId,
            reason: a.reason,
            endDate: a.endDate,
            successorId: a.successorId,
            taliAsihUntil: lastDay,
            tasksMoved: moved.length,
            openCasesLeft: left.n,
          },
        });
        return { tasksMoved: moved.length, openCasesLeft: left.n };
      });
    },
  };
}
