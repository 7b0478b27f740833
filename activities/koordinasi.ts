// Koordinasi meetings and monthly reports: the projection writes of meetingWorkflow and
// monthlyReportWorkflow (keyed: a retry writes nothing twice), the month's compilation from the
// projection tables, and the monthly Schedule's opening of every active TKSK's report.
import { pmksCategory } from '../domain/pmks';
import { PSKS_TYPES } from '../domain/psks';
import { ApplicationFailure, type Client } from '@temporalio/client';
import type { Sql, Tx } from '../db';
import { appendActorEvent } from '../db/audit';
import {
  MONTHLY_COUNT_KEYS,
  monthlyReportIdOf,
  type ActionItemStatus,
  type MeetingWorkflowInput,
  type MonthlyCounts,
  type MonthlyDetail,
  type MonthlyDetails,
  type MonthlyReportStatus,
} from '../domain/koordinasi';
import type { Actor } from '../domain/roles';
import { periodBounds } from '../domain/taliAsih';

interface Transition {
  eventId: string;
  at: string;
  actor: Actor | null;
  action: string;
  details: Record<string, unknown>;
}

export interface CompiledMonth {
  counts: MonthlyCounts;
  details: MonthlyDetails;
  compiledAt: string;
}

/**
 * The pemetaan sosial section of the monthly report: the field counts (source `lapangan`,
 * POST /api/pemetaan/counts) the TKSK recorded in the month, one line per desa and category. The
 * computed sources (open cases, the PSKS directory) are not the TKSK's entries and imports are the
 * Dinas Sosial's, so neither counts here.
 */
export async function mappingSection(sql: Sql, a: { tkskId: string; start: string; end: string }): Promise<{ count: number; details: MonthlyDetail[] }> {
  const rows = await sql<{ id: string; asOf: Date | string; desaName: string; kind: string; code: string; count: number }[]>`
    SELECT c.id::text AS id, c.as_of, r.name AS desa_name, c.kind, c.code, c.count
    FROM pemetaan_counts c JOIN regions r ON r.code = c.desa_code
    WHERE c.recorded_by = ${a.tkskId} AND c.source = 'lapangan' AND c.recorded_at >= ${a.start} AND c.recorded_at < ${a.end}
    ORDER BY c.recorded_at, c.id`;
  return {
    count: rows.length,
    details: rows.map((r) => ({ id: r.id, on: day(r.asOf), text: `${r.desaName}: ${categoryName(r.kind, r.code)} ${r.count}` })),
  };
}

/** The report prints category names (PPKS from domain/pmks.ts, PSKS from domain/psks.ts), not codes. */
const categoryName = (kind: string, code: string) => (kind === 'ppks' ? pmksCategory(code)?.nameId : PSKS_TYPES.find((t) => t.code === code)?.nameId) ?? code;

const day = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10));

export function koordinasiActivities(sql: Sql, temporal: Client) {
  const audit = (tx: Tx, entityType: string, entityId: string, t: Transition & { key: string }) =>
    appendActorEvent(tx, { eventKey: t.key, at: t.at, actor: t.actor, action: t.action, entityType, entityId, caseId: null, details: t.details });

  return {
    /** The meeting, its attendees, links and action items, once (a retry finds the row). */
    async recordMeeting(m: MeetingWorkflowInput & { workflowId: string }): Promise<void> {
      await sql.begin(async (tx) => {
        const inserted = await tx`
          INSERT INTO meetings (id, workflow_id, level, title, held_on, place, chair, agenda, decisions, outside_attendees, psks_references, status,
                                region_code, kecamatan_code, kabupaten_code, provinsi_code, recorded_by, created_at, updated_at)
          VALUES (${m.meetingId}, ${m.workflowId}, ${m.record.level}, ${m.record.title}, ${m.record.heldOn}, ${m.record.place ?? null}, ${m.record.chair},
                  ${m.record.agenda}::text[], ${m.record.decisions}::text[], ${tx.json(m.record.outsideAttendees as never)}, ${m.record.psksReferences}::text[],
                  ${m.actionItems.length ? 'following_up' : 'completed'}, ${m.regions.region}, ${m.regions.kecamatan}, ${m.regions.kabupaten}, ${m.regions.provinsi},
                  ${m.recordedBy.id}, ${m.recordedAt}, ${m.recordedAt})
          ON CONFLICT (id) DO NOTHING RETURNING id`;
        if (!inserted.length) return;
        if (!m.actionItems.length) await tx`UPDATE meetings SET completed_at = ${m.recordedAt} WHERE id = ${m.meetingId}`;
        for (const userId of new Set(m.record.attendeeIds)) await tx`INSERT INTO meeting_attendees (meeting_id, user_id) VALUES (${m.meetingId}, ${userId})`;
        for (const l of m.record.links)
          await tx`INSERT INTO meeting_links (meeting_id, kind, ref) VALUES (${m.meetingId}, ${l.kind}, ${l.ref}) ON CONFLICT DO NOTHING`;
        for (const [i, a] of m.actionItems.entries()) {
          await tx`
            INSERT INTO meeting_action_items (id, meeting_id, position, description, owner_id, due_working_days, status)
            VALUES (${a.actionItemId}, ${m.meetingId}, ${i + 1}, ${a.description}, ${a.ownerId}, ${a.dueWorkingDays}, 'open')`;
        }
        await audit(tx, 'meeting', m.meetingId, {
          key: `meeting:${m.meetingId}:recorded`,
          eventId: 'recorded',
          at: m.recordedAt,
          actor: m.recordedBy,
          action: 'meeting.recorded',
          details: {
            level: m.record.level,
            heldOn: m.record.heldOn,
            regionCode: m.regions.region,
            attendees: m.record.attendeeIds.length,
            outsideAttendees: m.record.outsideAttendees.length,
            actionItems: m.actionItems.map((a) => ({ actionItemId: a.actionItemId, ownerId: a.ownerId })),
            links: m.record.links,
          },
        });
      });
    },

    /** The task that follows each action item up. */
    async linkActionItemTasks(a: { links: { actionItemId: string; taskId: string }[] }): Promise<void> {
      for (const l of a.links) await sql`UPDATE meeting_action_items SET task_id = ${l.taskId} WHERE id = ${l.actionItemId} AND task_id IS NULL`;
    },

    /** An action item done (or cancelled); the meeting is completed with its last one. */
    async updateActionItem(
      u: Transition & {
        meetingId: string;
        actionItemId: string;
        status: ActionItemStatus;
        result?: string;
        doneOn?: string;
        meetingCompleted: boolean;
      },
    ): Promise<void> {
      await sql.begin(async (tx) => {
        const [done] = await tx`SELECT 1 FROM audit_log WHERE event_key = ${`meeting:${u.meetingId}:${u.eventId}`}`;
        if (done) return;
        await tx`
          UPDATE meeting_action_items SET status = ${u.status}, result = ${u.result ?? null}, done_on = ${u.doneOn ?? null},
                 completed_by = ${u.actor?.id ?? null}, completed_at = ${u.at}
          WHERE id = ${u.actionItemId} AND status = 'open'`;
        if (u.meetingCompleted) await tx`UPDATE meetings SET status = 'completed', completed_at = ${u.at}, updated_at = ${u.at} WHERE id = ${u.meetingId}`;
        else await tx`UPDATE meetings SET updated_at = ${u.at} WHERE id = ${u.meetingId}`;
        await audit(tx, 'meeting', u.meetingId, { ...u, key: `meeting:${u.meetingId}:${u.eventId}`, details: { ...u.details, actionItemId: u.actionItemId } });
      });
    },

    /** Everything the month (WIB) holds for the TKSK, from the projections. */
    async compileMonth(a: { tkskId: string; period: string }): Promise<CompiledMonth> {
      const { start, end } = periodBounds(a.period);
      const first = `${a.period}-01`;
      const [row] = await sql<Omit<MonthlyCounts, 'mappingUpdates'>[]>`
        SELECT
          (SELECT count(*) FROM cases WHERE registered_by = ${a.tkskId} AND created_at >= ${start} AND created_at < ${end})::int AS cases_registered,
          (SELECT count(*) FROM tasks WHERE type = 'asesmen' AND status = 'completed' AND actor_id = ${a.tkskId} AND completed_at >= ${start} AND completed_at < ${end})::int AS assessments,
          (SELECT count(*) FROM tasks WHERE type = 'pendampingan_visit' AND status = 'completed' AND actor_id = ${a.tkskId} AND completed_at >= ${start} AND completed_at < ${end})::int AS visits,
          (SELECT count(*) FROM referrals WHERE requested_by = ${a.tkskId} AND created_at >= ${start} AND created_at < ${end})::int AS referrals,
          (SELECT count(*) FROM tasks WHERE type = 'rujukan_feedback' AND status = 'completed' AND actor_id = ${a.tkskId} AND completed_at >= ${start} AND completed_at < ${end})::int AS referral_answers,
          (SELECT count(*) FROM cases WHERE assignee_id = ${a.tkskId} AND status = 'closed' AND closed_at >= ${start} AND closed_at < ${end})::int AS closures,
          (SELECT count(*) FROM tasks WHERE type = 'sembako_tikor_meeting' AND status = 'completed' AND actor_id = ${a.tkskId} AND completed_at >= ${start} AND completed_at < ${end})::int AS tikor_meetings,
          (SELECT count(*) FROM tasks WHERE type = 'sembako_monitoring' AND status = 'completed' AND actor_id = ${a.tkskId} AND completed_at >= ${start} AND completed_at < ${end})::int AS points_monitored,
          (SELECT count(*) FROM complaints WHERE received_by = ${a.tkskId} AND received_on >= ${first}::date AND received_on < ${first}::date + interval '1 month')::int AS complaints_received,
          (SELECT count(DISTINCT workflow_id) FROM tasks WHERE actor_id = ${a.tkskId} AND status = 'completed' AND completed_at >= ${start} AND completed_at < ${end}
             AND ((type = 'pengaduan_resolution' AND outcome = 'resolved') OR (type = 'pengaduan_forward' AND outcome = 'resolve_directly')))::int AS complaints_resolved,
          (SELECT count(*) FROM complaints WHERE assignee_id = ${a.tkskId} AND status = 'closed' AND closed_at >= ${start} AND closed_at < ${end})::int AS complaints_closed,
          (SELECT count(*) FROM meetings m WHERE m.held_on >= ${first}::date AND m.held_on < ${first}::date + interval '1 month'
             AND (m.recorded_by = ${a.tkskId} OR EXISTS (SELECT 1 FROM meeting_attendees x WHERE x.meeting_id = m.id AND x.user_id = ${a.tkskId})))::int AS meetings,
          (SELECT count(*) FROM meeting_action_items i JOIN meetings m ON m.id = i.meeting_id
             WHERE i.owner_id = ${a.tkskId} AND m.created_at >= ${start} AND m.created_at < ${end})::int AS action_items_assigned,
          (SELECT count(*) FROM meeting_action_items WHERE owner_id = ${a.tkskId} AND status = 'done' AND completed_at >= ${start} AND completed_at < ${end})::int AS action_items_done`;
      const cases = await sql<{ id: string; createdAt: Date; pmksCode: string }[]>`
        SELECT id, created_at, pmks_code FROM cases WHERE registered_by = ${a.tkskId} AND created_at >= ${start} AND created_at < ${end} ORDER BY created_at LIMIT 200`;
      const referrals = await sql<{ id: string; createdAt: Date; destinationType: string; status: string }[]>`
        SELECT id, created_at, destination_type, status FROM referrals WHERE requested_by = ${a.tkskId} AND created_at >= ${start} AND created_at < ${end} ORDER BY created_at LIMIT 200`;
      const complaints = await sql<{ id: string; receivedOn: string; category: string; status: string }[]>`
        SELECT id, received_on::text AS received_on, category, status FROM complaints
        WHERE (received_by = ${a.tkskId} OR assignee_id = ${a.tkskId}) AND received_on >= ${first}::date AND received_on < ${first}::date + interval '1 month'
        ORDER BY received_on, id LIMIT 200`;
      const meetings = await sql<{ id: string; heldOn: string; title: string; level: string }[]>`
        SELECT id, held_on::text AS held_on, title, level FROM meetings m WHERE m.held_on >= ${first}::date AND m.held_on < ${first}::date + interval '1 month'
          AND (m.recorded_by = ${a.tkskId} OR EXISTS (SELECT 1 FROM meeting_attendees x WHERE x.meeting_id = m.id AND x.user_id = ${a.tkskId}))
        ORDER BY held_on, id LIMIT 200`;
      const actionItems = await sql<{ id: string; completedAt: Date | null; createdAt: Date; description: string; status: string }[]>`
        SELECT i.id, i.completed_at, m.created_at, i.description, i.status FROM meeting_action_items i JOIN meetings m ON m.id = i.meeting_id
        WHERE i.owner_id = ${a.tkskId} AND ((m.created_at >= ${start} AND m.created_at < ${end}) OR (i.completed_at >= ${start} AND i.completed_at < ${end}))
        ORDER BY m.created_at, i.position LIMIT 200`;
      const monitoring = await sql<{ id: string; completedAt: Date; workflowId: string }[]>`
        SELECT id, completed_at, workflow_id FROM tasks WHERE type = 'sembako_monitoring' AND status = 'completed' AND actor_id = ${a.tkskId}
          AND completed_at >= ${start} AND completed_at < ${end} ORDER BY completed_at LIMIT 200`;
      const mapping = await mappingSection(sql, { tkskId: a.tkskId, start, end });
      const counts = { ...row, mappingUpdates: mapping.count } as MonthlyCounts;
      // Every key present, in order (the PDF, the XLSX and the portal print this table).
      const ordered = Object.fromEntries(MONTHLY_COUNT_KEYS.map((k) => [k, Number(counts[k] ?? 0)])) as MonthlyCounts;
      return {
        counts: ordered,
        details: {
          cases: cases.map((c) => ({ id: c.id, on: day(c.createdAt), text: c.pmksCode })),
          referrals: referrals.map((r) => ({ id: r.id, on: day(r.createdAt), text: `${r.destinationType} (${r.status})` })),
          complaints: complaints.map((c) => ({ id: c.id, on: c.receivedOn, text: `${c.category} (${c.status})` })),
          meetings: meetings.map((m) => ({ id: m.id, on: m.heldOn, text: m.title })),
          actionItems: actionItems.map((i) => ({ id: i.id, on: day(i.completedAt ?? i.createdAt), text: `${i.description} (${i.status})` })),
          monitoring: monitoring.map((t) => ({ id: t.id, on: day(t.completedAt), text: t.workflowId })),
          mapping: mapping.details,
        },
        compiledAt: new Date().toISOString(),
      };
    },

    /** The report's row with the compiled month, once; its region is the TKSK's. */
    async openMonthlyReport(a: {
      reportId: string;
      tkskId: string;
      period: string;
      openedBy: Actor | null;
      at: string;
      compiled: CompiledMonth;
    }): Promise<{ kecamatanCode: string; kabupatenCode: string }> {
      return sql.begin(async (tx) => {
        const [user] = await tx<{ regionCode: string | null; role: string }[]>`SELECT region_code, role FROM users WHERE id = ${a.tkskId}`;
        if (!user || user.role !== 'tksk' || !user.regionCode) throw ApplicationFailure.nonRetryable(`${a.tkskId} is not a TKSK`, 'InvalidInput');
        const kab = user.regionCode.split('.').slice(0, 2).join('.');
        const prov = user.regionCode.split('.')[0];
        const inserted = await tx`
          INSERT INTO monthly_reports (id, tksk_id, period, status, counts, details, compiled_at, kecamatan_code, kabupaten_code, provinsi_code, opened_by, created_at, updated_at)
          VALUES (${a.reportId}, ${a.tkskId}, ${a.period}, 'narrative', ${tx.json(a.compiled.counts as never)}, ${tx.json(a.compiled.details as never)}, ${a.compiled.compiledAt},
                  ${user.regionCode}, ${kab}, ${prov}, ${a.openedBy?.id ?? null}, ${a.at}, ${a.at})
          ON CONFLICT (id) DO NOTHING RETURNING id`;
        if (inserted.length) {
          await audit(tx, 'monthly_report', a.reportId, {
            key: `monthly_report:${a.reportId}:opened`,
            eventId: 'opened',
            at: a.at,
            actor: a.openedBy,
            action: 'monthly_report.opened',
            details: { period: a.period, tkskId: a.tkskId },
          });
        }
        return { kecamatanCode: user.regionCode, kabupatenCode: kab };
      });
    },

    async updateMonthlyReport(
      u: Transition & {
        reportId: string;
        status: MonthlyReportStatus;
        compiled?: CompiledMonth;
        narrative?: string;
        kendala?: string | null;
        returnReason?: string | null;
        reviewedBy?: string;
      },
    ): Promise<void> {
      await sql.begin(async (tx) => {
        const key = `monthly_report:${u.reportId}:${u.eventId}`;
        const [done] = await tx`SELECT 1 FROM audit_log WHERE event_key = ${key}`;
        if (done) return;
        await tx`
          UPDATE monthly_reports SET
            status = ${u.status},
            counts = ${u.compiled ? tx.json(u.compiled.counts as never) : tx`counts`},
            details = ${u.compiled ? tx.json(u.compiled.details as never) : tx`details`},
            compiled_at = ${u.compiled ? u.compiled.compiledAt : tx`compiled_at`},
            narrative = ${u.narrative !== undefined ? u.narrative : tx`narrative`},
            kendala = ${u.kendala !== undefined ? u.kendala : tx`kendala`},
            return_reason = ${u.returnReason !== undefined ? u.returnReason : tx`return_reason`},
            returns = returns + ${u.status === 'narrative' && u.returnReason ? 1 : 0},
            submitted_at = ${u.status === 'review' ? u.at : tx`submitted_at`},
            reviewed_by = ${u.reviewedBy ?? tx`reviewed_by`},
            approved_at = ${u.status === 'approved' ? u.at : tx`approved_at`},
            updated_at = ${u.at}
          WHERE id = ${u.reportId}`;
        await audit(tx, 'monthly_report', u.reportId, { ...u, key, details: { status: u.status, ...u.details } });
      });
    },

    /** Run by the monthly Schedule: the report of `period` for every active TKSK (one already open is left). */
    async openMonthlyReportsForPeriod(a: { period: string }): Promise<{ opened: number; existing: number }> {
      const tksk = await sql<{ id: string }[]>`SELECT id FROM users WHERE role = 'tksk' AND NOT disabled AND region_code IS NOT NULL ORDER BY id`;
      let opened = 0;
      let existing = 0;
      for (const { id } of tksk) {
        const reportId = monthlyReportIdOf(id, a.period);
        try {
          await temporal.workflow.start('monthlyReportWorkflow', {
            workflowId: reportId,
            taskQueue: process.env.TEMPORAL_TASK_QUEUE ?? 'kesos-flow',
            args: [{ reportId, tkskId: id, period: a.period, openedBy: null }],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          });
          opened++;
        } catch (err) {
          if ((err as Error).name === 'WorkflowExecutionAlreadyStartedError') existing++;
          else throw err;
        }
      }
      return { opened, existing };
    },
  };
}
