// Meeting reads, scoped by region in SQL: a meeting of one's region, or one a person recorded,
// attended or owns an action item of (a TKSK sees the kabupaten's rakor they were at).
import type { Sql } from '../../db';
import { detailsWithTexts } from '../../db/auditTexts';
import { inRegion } from '../../db/regionScope';
import type { Actor } from '../../domain/roles';
import { tableList, type ListSpec } from '../list';
import { HttpProblem } from '../problem';
import type { MeetingListFilter, MeetingSortField } from './schema';

export interface MeetingRow {
  id: string;
  workflowId: string;
  level: string;
  title: string;
  heldOn: string;
  place: string | null;
  chair: string;
  agenda: string[];
  decisions: string[];
  outsideAttendees: { name: string; role: string; organisation: string }[];
  psksReferences: string[];
  status: string;
  regionCode: string;
  kecamatanCode: string | null;
  kabupatenCode: string;
  provinsiCode: string;
  recordedBy: string;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  actionItemsTotal: number;
  actionItemsDone: number;
}

const MEETING_REGION_COLUMNS = { provinsi: 'm.provinsi_code', kabupaten: 'm.kabupaten_code', kecamatan: 'm.kecamatan_code' } as const;

export const meetingInScope = (sql: Sql, actor: Actor) => sql`(
  ${inRegion(sql, actor.regionCode, MEETING_REGION_COLUMNS)}
  OR m.recorded_by = ${actor.id}
  OR EXISTS (SELECT 1 FROM meeting_attendees x WHERE x.meeting_id = m.id AND x.user_id = ${actor.id})
  OR EXISTS (SELECT 1 FROM meeting_action_items x WHERE x.meeting_id = m.id AND x.owner_id = ${actor.id}))`;

export const meetingColumns = (sql: Sql) => sql`
  m.id, m.workflow_id, m.level, m.title, m.held_on::text AS held_on, m.place, m.chair, m.agenda, m.decisions, m.outside_attendees, m.psks_references,
  m.status, m.region_code, m.kecamatan_code, m.kabupaten_code, m.provinsi_code, m.recorded_by, m.created_at, m.updated_at, m.completed_at,
  (SELECT count(*) FROM meeting_action_items i WHERE i.meeting_id = m.id)::int AS action_items_total,
  (SELECT count(*) FROM meeting_action_items i WHERE i.meeting_id = m.id AND i.status = 'done')::int AS action_items_done`;

export const meetingList = (sql: Sql): ListSpec<MeetingSortField, MeetingListFilter> =>
  tableList<MeetingSortField, MeetingListFilter>(sql, 'm', {
    resource: 'meetings',
    sort: ['heldOn', 'createdAt', 'level', 'status'],
    defaultSort: ['heldOn', 'DESC'],
    equal: ['level', 'status', 'kecamatanCode', 'kabupatenCode', 'recordedBy'],
    filters: {
      heldAfter: (v) => sql`m.held_on >= ${String(v)}::date`,
      heldBefore: (v) => sql`m.held_on <= ${String(v)}::date`,
      linkedTo: (v) => sql`EXISTS (SELECT 1 FROM meeting_links l WHERE l.meeting_id = m.id AND l.ref = ${String(v)})`,
    },
  });

export function presentMeeting(r: MeetingRow) {
  return {
    id: r.id,
    workflowId: r.workflowId,
    level: r.level,
    title: r.title,
    heldOn: r.heldOn,
    place: r.place,
    chair: r.chair,
    status: r.status,
    regionCode: r.regionCode,
    kecamatanCode: r.kecamatanCode,
    kabupatenCode: r.kabupatenCode,
    recordedBy: r.recordedBy,
    createdAt: r.createdAt.toISOString(),
    completedAt: r.completedAt?.toISOString() ?? null,
    actionItemsTotal: r.actionItemsTotal,
    actionItemsDone: r.actionItemsDone,
  };
}

/** The meeting, if the actor may see it; 404 otherwise (whether it exists elsewhere is not said). */
export async function visibleMeeting(sql: Sql, actor: Actor, id: string): Promise<MeetingRow> {
  const [row] = await sql<MeetingRow[]>`SELECT ${meetingColumns(sql)} FROM meetings m WHERE m.id = ${id} AND ${meetingInScope(sql, actor)}`;
  if (!row) throw new HttpProblem(404, `no meeting ${id} in your region`);
  return row;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The meeting with its attendees, links, action items (and their tasks), attachments and audited steps. */
export async function meetingDetail(sql: Sql, row: MeetingRow) {
  const [attendees, links, items, attachments, events] = await Promise.all([
    sql<{ userId: string }[]>`SELECT user_id FROM meeting_attendees WHERE meeting_id = ${row.id} ORDER BY user_id`,
    sql<{ kind: 'case' | 'sembako_period' | 'complaint'; ref: string }[]>`SELECT kind, ref FROM meeting_links WHERE meeting_id = ${row.id} ORDER BY kind, ref`,
    sql<
      {
        id: string;
        position: number;
        description: string;
        ownerId: string;
        dueWorkingDays: number | null;
        status: 'open' | 'done' | 'cancelled';
        result: string | null;
        doneOn: string | null;
        completedBy: string | null;
        completedAt: Date | null;
        taskId: string | null;
        taskType: string | null;
        taskStatus: string | null;
        taskDueAt: Date | null;
        taskOverdue: boolean | null;
        taskEscalationLevel: number | null;
      }[]
    >`
      SELECT i.id, i.position, i.description, i.owner_id, i.due_working_days, i.status, i.result, i.done_on::text AS done_on, i.completed_by, i.completed_at,
             t.id AS task_id, t.type AS task_type, t.status AS task_status, t.due_at AS task_due_at, t.overdue AS task_overdue, t.escalation_level AS task_escalation_level
      FROM meeting_action_items i LEFT JOIN tasks t ON t.id = i.task_id
      WHERE i.meeting_id = ${row.id} ORDER BY i.position`,
    sql<
      {
        id: string;
        kind: 'daftar_hadir' | 'notulen' | 'foto';
        fileName: string;
        contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
        sizeBytes: number;
        sha256: string;
        uploadedBy: string;
        createdAt: Date;
      }[]
    >`
      SELECT id, kind, file_name, content_type, size_bytes, sha256, uploaded_by, created_at FROM meeting_attachments WHERE meeting_id = ${row.id} ORDER BY created_at, id`,
    sql<{ at: Date; action: string; actorId: string | null; actorRole: string; details: Record<string, unknown> }[]>`
      SELECT a.at, a.action, a.actor_id, a.actor_role, ${detailsWithTexts(sql, 'a')} AS details
      FROM audit_log a WHERE a.entity_type = 'meeting' AND a.entity_id = ${row.id} ORDER BY a.seq`,
  ]);
  return {
    ...presentMeeting(row),
    agenda: row.agenda,
    decisions: row.decisions,
    attendeeIds: attendees.map((a) => a.userId),
    outsideAttendees: row.outsideAttendees,
    psksReferences: row.psksReferences,
    links,
    actionItems: items.map((i) => ({
      id: i.id,
      position: i.position,
      description: i.description,
      ownerId: i.ownerId,
      dueWorkingDays: i.dueWorkingDays,
      status: i.status,
      result: i.result,
      doneOn: i.doneOn,
      completedBy: i.completedBy,
      completedAt: iso(i.completedAt),
      task: i.taskId
        ? {
            id: i.taskId,
            type: i.taskType!,
            status: i.taskStatus!,
            dueAt: iso(i.taskDueAt),
            overdue: i.taskOverdue ?? false,
            escalationLevel: i.taskEscalationLevel ?? 0,
          }
        : null,
    })),
    attachments: attachments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}
