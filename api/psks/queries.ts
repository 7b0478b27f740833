// PSKS directory reads, scoped by region in SQL, and the check a referral to an entry passes.
import type { Sql } from '../../db';
import { inRegion } from '../../db/regionScope';
import type { Actor } from '../../domain/roles';
import { idFilter, type ListSpec } from '../list';
import { HttpProblem } from '../problem';
import type { PsksListFilter, PsksSortField } from './schema';

export interface PsksRow {
  id: string;
  typeVersion: string;
  typeCode: string;
  name: string;
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  provinsiCode: string;
  serviceArea: 'desa' | 'kecamatan';
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  capacity: number | null;
  services: string | null;
  registrationNumber: string | null;
  accreditation: 'A' | 'B' | 'C' | 'belum' | null;
  active: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const PSKS_REGION_COLUMNS = { provinsi: 'p.provinsi_code', kabupaten: 'p.kabupaten_code', kecamatan: 'p.kecamatan_code', desa: 'p.desa_code' } as const;
export const psksInRegion = (sql: Sql, scope: string | null) => inRegion(sql, scope, PSKS_REGION_COLUMNS);

const like = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const psksList = (sql: Sql): ListSpec<PsksSortField, PsksListFilter> => ({
  resource: 'psks',
  sort: { name: 'p.name', typeCode: 'p.type_code', desaCode: 'p.desa_code', updatedAt: 'p.updated_at', createdAt: 'p.created_at' },
  defaultSort: ['name', 'ASC'],
  tieBreaker: 'p.id',
  filters: {
    id: idFilter(sql, 'p.id'),
    type: (v) => sql`p.type_code = ${v}`,
    desa: (v) => sql`p.desa_code = ${v}`,
    kecamatan: (v) => sql`p.kecamatan_code = ${v}`,
    active: (v) => sql`p.active = ${v}`,
    // Escaped for LIKE: a search, not a pattern language.
    q: (v) =>
      sql`(lower(p.name) LIKE ${like(v)} OR lower(coalesce(p.contact_name, '')) LIKE ${like(v)} OR lower(coalesce(p.registration_number, '')) LIKE ${like(v)})`,
  },
});

export function presentPsks(r: PsksRow) {
  return {
    id: r.id,
    typeCode: r.typeCode,
    typeVersion: r.typeVersion,
    name: r.name,
    desaCode: r.desaCode,
    kecamatanCode: r.kecamatanCode,
    kabupatenCode: r.kabupatenCode,
    serviceArea: r.serviceArea,
    address: r.address,
    contactName: r.contactName,
    contactPhone: r.contactPhone,
    capacity: r.capacity,
    services: r.services,
    registrationNumber: r.registrationNumber,
    accreditation: r.accreditation,
    active: r.active,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The entry, if the actor's region holds it; 404 otherwise (whether it exists elsewhere is not said). */
export async function visiblePsks(sql: Sql, actor: Actor, id: string): Promise<PsksRow> {
  const [row] = await sql<PsksRow[]>`SELECT p.* FROM psks_entries p WHERE p.id = ${id} AND ${psksInRegion(sql, actor.regionCode)}`;
  if (!row) throw new HttpProblem(404, `no PSKS entry ${id} in your region`);
  return row;
}

/** The latest version of the type list and its types. */
export async function currentPsksTypes(sql: Sql, version?: string) {
  const rows = await sql<{ version: string; code: string; no: number; nameId: string; nameEn: string; kind: 'perorangan' | 'keluarga' | 'lembaga' }[]>`
    SELECT version, code, no, name_id, name_en, kind FROM psks_types
    WHERE version = ${version ?? sql`(SELECT max(version) FROM psks_types)`} ORDER BY no`;
  return rows;
}

/** Referrals of the actor's region that named the entry (no personal data of the case). */
export async function referralsOf(sql: Sql, actor: Actor, psksId: string) {
  const rows = await sql<
    {
      id: string;
      caseId: string;
      destinationType: string;
      urgency: string;
      status: string;
      requestedBy: string;
      createdAt: Date;
      closedAt: Date | null;
    }[]
  >`
    SELECT r.id, r.case_id, r.destination_type, r.urgency, r.status, r.requested_by, r.created_at, r.closed_at
    FROM referrals r JOIN cases c ON c.id = r.case_id
    WHERE r.psks_id = ${psksId} AND ${inRegion(sql, actor.regionCode, { provinsi: 'c.provinsi_code', kabupaten: 'c.kabupaten_code', kecamatan: 'c.kecamatan_code', desa: 'c.desa_code' })}
    ORDER BY r.created_at DESC LIMIT 200`;
  return rows.map((r) => ({
    referralId: r.id,
    caseId: r.caseId,
    destinationType: r.destinationType,
    urgency: r.urgency,
    status: r.status,
    answered: r.status === 'served' || r.status === 'not_served',
    requestedBy: r.requestedBy,
    createdAt: r.createdAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
  }));
}

/**
 * A task completion that refers to a PSKS entry (pendampingan_visit, outcome refer, with
 * `referral.psksId`): the entry must exist, be active and lie in the completing TKSK's region.
 * Checked before the Update is sent, so a bad id changes nothing.
 */
export async function checkReferralTarget(sql: Sql, actor: Actor, completion: unknown): Promise<void> {
  const psksId = (completion as { data?: { referral?: { psksId?: unknown } } } | null)?.data?.referral?.psksId;
  if (typeof psksId !== 'string') return;
  const [row] = await sql<{ active: boolean }[]>`SELECT p.active FROM psks_entries p WHERE p.id = ${psksId} AND ${psksInRegion(sql, actor.regionCode)}`;
  const problem = (message: string) =>
    new HttpProblem(422, message, {
      errors: [{ path: ['body', 'data', 'referral', 'psksId'], pointer: '/body/data/referral/psksId', message, code: 'custom' }],
    });
  if (!row) throw problem(`no PSKS entry ${psksId} in your region`);
  if (!row.active) throw problem(`PSKS entry ${psksId} is no longer active`);
}
