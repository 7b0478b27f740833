// Complaint reads, scoped by region in SQL. The complainant's name and phone are personal data:
// in full for the kecamatan's TKSK and the kabupaten supervisor, null for everyone else.
import type { Sql } from '../../db';
import { detailsWithTexts } from '../../db/auditTexts';
import { inRegion } from '../../db/regionScope';
import { regionCovers } from '../../domain/regions';
import type { Actor } from '../../domain/roles';
import { tableList, type ListSpec } from '../list';
import { HttpProblem } from '../problem';
import type { ComplaintListFilter, ComplaintSortField } from './schema';

export interface ComplaintRow {
  id: string;
  workflowId: string;
  status: string;
  channel: string;
  laporReference: string | null;
  category: string;
  description: string;
  receivedOn: Date;
  complainantName: string | null;
  complainantPhone: string | null;
  complainantIsKpm: boolean;
  subjectKind: 'kpm' | 'e_warong' | 'umum';
  kpmId: string | null;
  eWarongName: string | null;
  eWarongDesaCode: string | null;
  answererType: string | null;
  answererName: string | null;
  resolution: Record<string, unknown> | null;
  kecamatanCode: string;
  kabupatenCode: string;
  provinsiCode: string;
  assigneeId: string | null;
  receivedBy: string;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  ageDays: number;
  overdue: boolean;
}

const COMPLAINT_REGION_COLUMNS = { provinsi: 'c.provinsi_code', kabupaten: 'c.kabupaten_code', kecamatan: 'c.kecamatan_code' } as const;
export const complaintInRegion = (sql: Sql, actor: Actor) => inRegion(sql, actor.regionCode, COMPLAINT_REGION_COLUMNS);

export const complaintList = (sql: Sql): ListSpec<ComplaintSortField, ComplaintListFilter> =>
  tableList<ComplaintSortField, ComplaintListFilter>(sql, 'c', {
    resource: 'complaints',
    sort: ['createdAt', 'updatedAt', 'status', 'category'],
    defaultSort: ['createdAt', 'DESC'],
    equal: ['status', 'category', 'channel', 'kecamatanCode', 'kpmId', 'answererType'],
    filters: {
      receivedAfter: (v) => sql`c.received_on >= ${String(v)}::date`,
      receivedBefore: (v) => sql`c.received_on <= ${String(v)}::date`,
      overdue: (v) => (v ? sql`${complaintOverdue(sql)}` : sql`NOT ${complaintOverdue(sql)}`),
    },
  });

/** An open step of the complaint `c` is past its deadline. */
export const complaintOverdue = (sql: Sql) => sql`EXISTS (SELECT 1 FROM tasks t WHERE t.workflow_id = c.workflow_id AND t.status = 'open' AND t.overdue)`;
/** Calendar days since the complaint `c` was received, counted on the WIB date. */
export const complaintAgeDays = (sql: Sql) => sql`((now() AT TIME ZONE 'Asia/Jakarta')::date - c.received_on)`;
/** What every complaint read selects: the row, its age and whether a step is overdue. */
export const complaintColumns = (sql: Sql) => sql`c.*, ${complaintAgeDays(sql)}::int AS age_days, ${complaintOverdue(sql)} AS overdue`;

export function seesComplainant(actor: Actor, row: Pick<ComplaintRow, 'kecamatanCode' | 'kabupatenCode'>): boolean {
  if (actor.role === 'tksk') return actor.regionCode !== null && regionCovers(actor.regionCode, row.kecamatanCode);
  if (actor.role === 'supervisor_kabupaten') return regionCovers(actor.regionCode, row.kabupatenCode);
  return false;
}

/** `kecamatan 33.73.01`-style fields, with the desa code of the e-warong if given. */
export function presentComplaint(actor: Actor, r: ComplaintRow) {
  const personal = seesComplainant(actor, r);
  return {
    id: r.id,
    workflowId: r.workflowId,
    status: r.status,
    channel: r.channel,
    laporReference: r.laporReference,
    category: r.category,
    receivedOn: r.receivedOn.toISOString().slice(0, 10),
    subject: { kind: r.subjectKind, kpmId: r.kpmId, name: r.eWarongName, desaCode: r.eWarongDesaCode },
    complainant: { name: personal ? r.complainantName : null, phone: personal ? r.complainantPhone : null, isKpm: r.complainantIsKpm },
    answerer: r.answererType ? { type: r.answererType, name: r.answererName ?? '' } : null,
    kecamatanCode: r.kecamatanCode,
    kabupatenCode: r.kabupatenCode,
    assigneeId: r.assigneeId,
    receivedBy: r.receivedBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    ageDays: r.ageDays,
    overdue: r.overdue,
  };
}

/** The complaint, if the actor's region holds it; 404 otherwise (whether it exists elsewhere is not said). */
export async function visibleComplaint(sql: Sql, actor: Actor, id: string): Promise<ComplaintRow> {
  const [row] = await sql<ComplaintRow[]>`SELECT ${complaintColumns(sql)} FROM complaints c WHERE c.id = ${id} AND ${complaintInRegion(sql, actor)}`;
  if (!row) throw new HttpProblem(404, `no complaint ${id} in your region`);
  return row;
}

/** Its tasks and its audited steps (texts joined back from audit_texts). */
export async function complaintParts(sql: Sql, row: ComplaintRow) {
  const [tasks, events] = await Promise.all([
    sql<
      {
        id: string;
        type: string;
        status: string;
        regionCode: string;
        assigneeId: string | null;
        dueAt: Date | null;
        overdue: boolean;
        outcome: string | null;
        createdAt: Date;
        completedAt: Date | null;
      }[]
    >`
      SELECT id, type, status, region_code, assignee_id, due_at, overdue, outcome, created_at, completed_at FROM tasks WHERE workflow_id = ${row.workflowId} ORDER BY created_at, id`,
    sql<{ at: Date; action: string; actorId: string | null; actorRole: string; details: Record<string, unknown> }[]>`
      SELECT a.at, a.action, a.actor_id, a.actor_role, ${detailsWithTexts(sql, 'a')} AS details
      FROM audit_log a WHERE a.entity_type = 'complaint' AND a.entity_id = ${row.id} ORDER BY a.seq`,
  ]);
  return {
    tasks: tasks.map((t) => ({
      ...t,
      dueAt: t.dueAt?.toISOString() ?? null,
      createdAt: t.createdAt.toISOString(),
      completedAt: t.completedAt?.toISOString() ?? null,
    })),
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}
