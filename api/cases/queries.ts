// Case reads, scoped by role and region in SQL (never filtered after the fact), with NIK masking.
import type { Sql, Tx } from '../../db';
import { detailsWithTexts } from '../../db/auditTexts';
import { CASE_REGION_COLUMNS, inRegion } from '../../db/regionScope';
import { maskNik } from '../../domain/nik';
import { regionCovers } from '../../domain/regions';
import type { Actor } from '../../domain/roles';
import { tableList, type ListSpec } from '../list';
import { HttpProblem } from '../problem';
import type { TaskRow } from '../tasks/queries';
import type { CaseListFilter, CaseSortField, RegistrationWarning } from './schema';

export interface CaseRow {
  id: string;
  workflowId: string;
  /** null once anonymised after the retention period. */
  nik: string | null;
  anonymisedAt: Date | null;
  name: string;
  birthDate: Date;
  sex: 'L' | 'P';
  address: string;
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  provinsiCode: string;
  pmksCode: string;
  summary: string;
  consent: unknown;
  status: string;
  step: string | null;
  assigneeId: string | null;
  paused: boolean;
  overdue: boolean;
  closedReason: string | null;
  registeredBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** SQL condition on `c`: the case lies in the actor's region (equality on the region chain column of the scope's level). */
export const caseInRegion = (sql: Sql, actor: Actor) => inRegion(sql, actor.regionCode, CASE_REGION_COLUMNS);

/** SQL condition: the case lies in the actor's region (or, for a TKSK, is assigned to them). */
export function caseScope(sql: Sql, actor: Actor) {
  return actor.role === 'tksk' ? sql`(${caseInRegion(sql, actor)} OR c.assignee_id = ${actor.id})` : caseInRegion(sql, actor);
}

/**
 * The caller's cases as a FROM source aliased `c` (lists). For a TKSK, "in my kecamatan" and
 * "assigned to me elsewhere" as a UNION ALL of two disjoint index scans: the OR of caseScope
 * made the planner scan (57 ms p95 at 100k cases in bench:inbox).
 */
export function visibleCases(sql: Sql, actor: Actor) {
  if (actor.role !== 'tksk') return sql`(SELECT * FROM cases c WHERE ${caseInRegion(sql, actor)}) c`;
  return sql`(SELECT * FROM cases c WHERE ${caseInRegion(sql, actor)}
              UNION ALL
              SELECT * FROM cases c WHERE c.assignee_id = ${actor.id} AND NOT ${caseInRegion(sql, actor)}) c`;
}

/** GET /api/cases: sortable columns and filters (newest first by default). */
export const caseList = (sql: Sql): ListSpec<CaseSortField, CaseListFilter> =>
  tableList<CaseSortField, CaseListFilter>(sql, 'c', {
    resource: 'cases',
    sort: ['createdAt', 'updatedAt', 'status', 'pmksCode', 'kecamatanCode'],
    defaultSort: ['createdAt', 'DESC'],
    equal: ['status', 'pmksCode', 'kecamatanCode', 'assigneeId', 'nik'],
    filters: { open: (v: boolean) => (v ? sql`c.status NOT IN ('closed', 'cancelled')` : sql`c.status IN ('closed', 'cancelled')`) },
  });

/** Full NIK only for the case's own TKSK and its kabupaten supervisor (PRODUCT.md §5). */
export function seesFullNik(actor: Actor, row: Pick<CaseRow, 'assigneeId' | 'kabupatenCode'>): boolean {
  if (actor.role === 'tksk') return row.assigneeId === actor.id;
  if (actor.role === 'supervisor_kabupaten') return regionCovers(actor.regionCode, row.kabupatenCode);
  return false;
}

export function presentCase(actor: Actor, row: CaseRow, detail: boolean) {
  const full = seesFullNik(actor, row);
  const showPersonal = detail || actor.role !== 'auditor';
  return {
    id: row.id,
    workflowId: row.workflowId,
    status: row.status,
    step: row.step,
    paused: row.paused,
    overdue: row.overdue,
    closedReason: row.closedReason,
    pmksCode: row.pmksCode,
    desaCode: row.desaCode,
    kecamatanCode: row.kecamatanCode,
    kabupatenCode: row.kabupatenCode,
    assigneeId: row.assigneeId,
    registeredBy: row.registeredBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    beneficiary: {
      nik: row.nik === null ? null : full ? row.nik : maskNik(row.nik),
      ...(showPersonal ? { name: row.name } : {}),
      ...(detail ? { birthDate: row.birthDate.toISOString().slice(0, 10), sex: row.sex, address: row.address } : {}),
    },
    anonymised: row.anonymisedAt !== null,
    ...(detail ? { summary: row.summary, consent: row.consent } : {}),
  };
}

/** A case's tasks, referrals and the four-eyes requests still waiting (requested in the audit trail, neither confirmed nor declined). */
export async function caseParts(sql: Sql, caseId: string) {
  const [tasks, referrals, pendingInterventions] = await Promise.all([
    sql<TaskRow[]>`SELECT * FROM tasks WHERE case_id = ${caseId} ORDER BY created_at, id`,
    sql`
      SELECT id, workflow_id, destination_type, institution_name, reason, urgency, status, requested_by, created_at, closed_at, outcome
      FROM referrals WHERE case_id = ${caseId} ORDER BY created_at`,
    sql`
      SELECT r.details->>'interventionId' AS intervention_id, r.details->>'action' AS action, ${detailsWithTexts(sql, 'r')} AS payload,
             r.actor_id AS requested_by, r.at AS requested_at
      FROM audit_log r
      WHERE r.case_id = ${caseId} AND r.action = 'intervention.requested'
        AND NOT EXISTS (SELECT 1 FROM audit_log d WHERE d.case_id = ${caseId}
                          AND d.action IN ('intervention.confirmed', 'intervention.declined')
                          AND d.details->>'interventionId' = r.details->>'interventionId')
      ORDER BY r.seq`,
  ]);
  return { tasks, referrals, pendingInterventions };
}

export async function findVisibleCase(sql: Sql, actor: Actor, id: string): Promise<CaseRow | undefined> {
  const [row] = await sql<CaseRow[]>`SELECT c.* FROM cases c WHERE c.id = ${id} AND ${caseScope(sql, actor)}`;
  return row;
}

/** The case, if the actor's scope holds it; 404 otherwise (whether it exists elsewhere is not said). */
export async function visibleCase(sql: Sql, actor: Actor, id: string): Promise<CaseRow> {
  const row = await findVisibleCase(sql, actor, id);
  if (!row) throw new HttpProblem(404, `no case ${id} in your region`);
  return row;
}

/** First key of the advisory lock a registration holds on its NIK (the second is the NIK's hash). */
export const NIK_LOCK = 7301;

/** A case of the same person still open (not closed or cancelled), other than `exceptId` (a retried registration's own). */
export interface OpenCaseOfNik {
  id: string;
  pmksCode: string;
  desaCode: string;
  kecamatanCode: string;
  assigneeId: string | null;
}

export function openCasesOfNik(tx: Tx, nik: string, exceptId: string): Promise<OpenCaseOfNik[]> {
  return tx<OpenCaseOfNik[]>`
    SELECT id, pmks_code, desa_code, kecamatan_code, assignee_id FROM cases
    WHERE nik = ${nik} AND status NOT IN ('closed', 'cancelled') AND id <> ${exceptId} ORDER BY created_at`;
}

/** caseScope() for one row: in the actor's region, or (a TKSK) assigned to them. */
export function seesCase(actor: Actor, c: Pick<OpenCaseOfNik, 'desaCode' | 'assigneeId'>): boolean {
  return regionCovers(actor.regionCode, c.desaCode) || (actor.role === 'tksk' && c.assigneeId === actor.id);
}

/**
 * What a registration is told about the person's open cases in other categories: each one the
 * caller may see, by id and category; the others only that they exist (their category is itself
 * personal data: HIV, a criminal record, trafficking).
 */
export function registrationWarnings(actor: Actor, open: OpenCaseOfNik[]): RegistrationWarning[] {
  const seen = open.filter((c) => seesCase(actor, c));
  const unseen = open.length - seen.length;
  return [
    ...seen.map((c) => ({
      code: 'open_case_other_category' as const,
      message: `this NIK also has an open ${c.pmksCode} case, ${c.id}`,
      caseId: c.id,
      pmksCode: c.pmksCode,
    })),
    ...(unseen ? [{ code: 'open_case_other_category' as const, message: 'this NIK also has an open case in another category outside your region' }] : []),
  ];
}
