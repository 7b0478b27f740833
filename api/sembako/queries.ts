// KPM register reads, scoped by region in SQL, with the same masking as cases: NIK, KK and KKS
// numbers in full only for the kecamatan's TKSK and the kabupaten supervisor; auditors' lists
// carry no names.
import type { Sql } from '../../db';
import { inRegion } from '../../db/regionScope';
import { maskNik } from '../../domain/nik';
import { regionCovers } from '../../domain/regions';
import type { Actor } from '../../domain/roles';
import type { KpmExportColumn, KpmInactiveReason, KpmStatus } from '../../domain/sembako';
import { tableList, type ListSpec } from '../list';
import type { KpmListFilter, KpmSortField } from './schema';

export interface KpmRecord {
  id: string;
  idKpm: string;
  idPengurus: string | null;
  kksNumber: string | null;
  kkNumber: string;
  pengurusNik: string;
  pengurusName: string;
  pkhStatus: 'pkh' | 'non_pkh';
  channel: 'kks' | 'pos';
  bank: 'BRI' | 'BNI' | 'MANDIRI' | 'BSI' | null;
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  provinsiCode: string;
  status: KpmStatus;
  statusReason: KpmInactiveReason | null;
  rowSha256: string;
  lastImportId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const KPM_REGION_COLUMNS = { provinsi: 'k.provinsi_code', kabupaten: 'k.kabupaten_code', kecamatan: 'k.kecamatan_code', desa: 'k.desa_code' } as const;

export const kpmInRegion = (sql: Sql, actor: Actor) => inRegion(sql, actor.regionCode, KPM_REGION_COLUMNS);

export const kpmList = (sql: Sql): ListSpec<KpmSortField, KpmListFilter> =>
  tableList(sql, 'k', {
    resource: 'kpm',
    sort: ['updatedAt', 'createdAt', 'desaCode', 'idKpm'],
    defaultSort: ['updatedAt', 'DESC'],
    equal: ['idKpm', 'kecamatanCode', 'desaCode', 'pkhStatus', 'channel', 'bank', 'status'],
  });

/** The register's accompanying TKSK (any TKSK of the kecamatan) and its kabupaten supervisor see numbers in full. */
export function seesFullKpmNumbers(actor: Actor, row: Pick<KpmRecord, 'kecamatanCode' | 'kabupatenCode'>): boolean {
  if (actor.role === 'tksk') return actor.regionCode !== null && regionCovers(actor.regionCode, row.kecamatanCode);
  if (actor.role === 'supervisor_kabupaten') return regionCovers(actor.regionCode, row.kabupatenCode);
  return false;
}

/** Card and family numbers masked like a NIK: the first four and last four digits stay. */
const mask16 = (v: string) => maskNik(v);

export function presentKpm(actor: Actor, r: KpmRecord) {
  const full = seesFullKpmNumbers(actor, r);
  const shown = (v: string) => (full ? v : mask16(v));
  return {
    id: r.id,
    idKpm: r.idKpm,
    idPengurus: r.idPengurus,
    kksNumber: r.kksNumber === null ? null : shown(r.kksNumber),
    kkNumber: shown(r.kkNumber),
    pengurusNik: shown(r.pengurusNik),
    ...(actor.role === 'auditor' ? {} : { pengurusName: r.pengurusName }),
    pkhStatus: r.pkhStatus,
    channel: r.channel,
    bank: r.bank,
    desaCode: r.desaCode,
    kecamatanCode: r.kecamatanCode,
    kabupatenCode: r.kabupatenCode,
    status: r.status,
    statusReason: r.statusReason,
    lastImportId: r.lastImportId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A register row in the import's columns and its status (the export; masked as the list is). */
export function kpmCells(actor: Actor, r: KpmRecord): Record<KpmExportColumn, string> {
  const p = presentKpm(actor, r);
  return {
    id_kpm: p.idKpm,
    id_pengurus: p.idPengurus ?? '',
    no_kks: p.kksNumber ?? '',
    no_kk: p.kkNumber,
    nik_pengurus: p.pengurusNik,
    nama_pengurus: p.pengurusName ?? '',
    status_pkh: p.pkhStatus,
    kode_desa: p.desaCode,
    saluran: p.channel,
    bank: p.bank ?? '',
    status: p.status,
    alasan_status: p.statusReason ?? '',
  };
}
