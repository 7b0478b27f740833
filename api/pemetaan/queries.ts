// The pemetaan sosial matrix: per child region of the region asked for, each PPKS category's
// open cases (computed from the case projection), each PSKS type's active directory entries
// (computed from psks_entries) and the latest recorded counts (field counts, imported extracts)
// summed over the row's desa. Computed counts are as of today; a recorded sum is as of its oldest
// contributing count, with how many desa have one.
import type { Sql } from '../../db';
import { inRegion } from '../../db/regionScope';
import { wibDate } from '../../domain/calendar';
import { PMKS_CATEGORIES, PMKS_VERSION } from '../../domain/pmks';
import type { PemetaanKind, PemetaanSource } from '../../domain/psks';
import { REGION_LEVELS, type RegionLevel } from '../../domain/regions';
import { HttpProblem } from '../problem';
import { currentPsksTypes } from '../psks/queries';

export interface PemetaanCell {
  kind: PemetaanKind;
  code: string;
  source: PemetaanSource;
  count: number;
  asOf: string;
  desaCounted: number | null;
}

const LEVEL_COLUMN: Record<RegionLevel, string> = {
  provinsi: 'provinsi_code',
  kabupaten: 'kabupaten_code',
  kecamatan: 'kecamatan_code',
  desa: 'desa_code',
};
const chainColumns = (alias: string) => Object.fromEntries(REGION_LEVELS.map((l) => [l, `${alias}.${LEVEL_COLUMN[l]}`])) as Record<RegionLevel, string>;
export const countsInRegion = (sql: Sql, scope: string | null) => inRegion(sql, scope, chainColumns('k'));

const dateText = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

export interface PemetaanMatrix {
  region: { code: string; name: string; level: RegionLevel };
  rowLevel: RegionLevel;
  asOf: string;
  pmksVersion: string;
  psksVersion: string;
  categories: { ppks: { code: string; nameId: string; nameEn: string }[]; psks: { code: string; nameId: string; nameEn: string }[] };
  rows: { code: string; name: string; cells: PemetaanCell[] }[];
  totals: PemetaanCell[];
}

/** The matrix of `regionCode` (a known region; the caller checked the scope). */
export async function pemetaanMatrix(sql: Sql, regionCode: string): Promise<PemetaanMatrix> {
  const [region] = await sql<{ code: string; name: string; level: RegionLevel }[]>`SELECT code, name, level FROM regions WHERE code = ${regionCode}`;
  if (!region) throw new HttpProblem(404, `unknown region ${regionCode}`);
  const rowLevel = region.level === 'desa' ? 'desa' : REGION_LEVELS[REGION_LEVELS.indexOf(region.level) + 1];
  const children =
    region.level === 'desa'
      ? [{ code: region.code, name: region.name }]
      : await sql<{ code: string; name: string }[]>`SELECT code, name FROM regions WHERE parent_code = ${region.code} AND retired_in IS NULL ORDER BY code`;
  const col = LEVEL_COLUMN[rowLevel];
  const today = wibDate(new Date());
  const types = await currentPsksTypes(sql);

  const [cases, entries, recorded] = await Promise.all([
    sql<{ row: string; code: string; n: number }[]>`
      SELECT ${sql.unsafe(`c.${col}`)} AS row, c.pmks_code AS code, count(*)::int AS n FROM cases c
      WHERE ${inRegion(sql, region.code, chainColumns('c'))} AND c.status NOT IN ('closed', 'cancelled')
      GROUP BY 1, 2`,
    sql<{ row: string; code: string; n: number }[]>`
      SELECT ${sql.unsafe(`p.${col}`)} AS row, p.type_code AS code, count(*)::int AS n FROM psks_entries p
      WHERE ${inRegion(sql, region.code, chainColumns('p'))} AND p.active
      GROUP BY 1, 2`,
    // The latest count of each desa's cell per source, then summed per row.
    sql<{ row: string; kind: PemetaanKind; code: string; source: PemetaanSource; n: number; oldest: Date; desa: number }[]>`
      SELECT ${sql.unsafe(col)} AS row, kind, code, source, sum(count)::int AS n, min(as_of) AS oldest, count(*)::int AS desa
      FROM (
        SELECT DISTINCT ON (k.desa_code, k.kind, k.code, k.source) k.*
        FROM pemetaan_counts k WHERE ${countsInRegion(sql, region.code)}
        ORDER BY k.desa_code, k.kind, k.code, k.source, k.as_of DESC, k.recorded_at DESC, k.id DESC
      ) latest
      GROUP BY 1, 2, 3, 4`,
  ]);

  const byRow = new Map<string, PemetaanCell[]>(children.map((c) => [c.code, []]));
  const put = (row: string, cell: PemetaanCell) => byRow.get(row)?.push(cell);
  for (const r of cases) put(r.row, { kind: 'ppks', code: r.code, source: 'kasus', count: r.n, asOf: today, desaCounted: null });
  for (const r of entries) put(r.row, { kind: 'psks', code: r.code, source: 'psks', count: r.n, asOf: today, desaCounted: null });
  for (const r of recorded) put(r.row, { kind: r.kind, code: r.code, source: r.source, count: r.n, asOf: dateText(r.oldest), desaCounted: r.desa });

  const order = (c: PemetaanCell) => `${c.kind}:${c.code}:${c.source}`;
  const rows = children.map((c) => ({ ...c, cells: byRow.get(c.code)!.sort((a, b) => order(a).localeCompare(order(b))) }));
  const totals = new Map<string, PemetaanCell>();
  for (const cell of rows.flatMap((r) => r.cells)) {
    const t = totals.get(order(cell));
    if (!t) totals.set(order(cell), { ...cell });
    else {
      t.count += cell.count;
      if (cell.asOf < t.asOf) t.asOf = cell.asOf;
      if (t.desaCounted !== null && cell.desaCounted !== null) t.desaCounted += cell.desaCounted;
    }
  }
  return {
    region,
    rowLevel,
    asOf: today,
    pmksVersion: PMKS_VERSION,
    psksVersion: types[0]?.version ?? '',
    categories: {
      ppks: PMKS_CATEGORIES.map((c) => ({ code: c.code, nameId: c.nameId, nameEn: c.nameEn })),
      psks: types.map((t) => ({ code: t.code, nameId: t.nameId, nameEn: t.nameEn })),
    },
    rows,
    totals: [...totals.values()].sort((a, b) => order(a).localeCompare(order(b))),
  };
}

export interface CountRecordRow {
  id: string;
  desaCode: string;
  kind: PemetaanKind;
  code: string;
  source: 'lapangan' | 'impor';
  count: number;
  asOf: Date;
  note: string | null;
  importId: string | null;
  recordedBy: string;
  recordedAt: Date;
  previousCount: number | null;
}

/** What a history row selects: the count and the count of the same cell just before it. */
export const countRecordColumns = (sql: Sql) => sql`k.id::text AS id, k.desa_code, k.kind, k.code, k.source, k.count, k.as_of, k.note, k.import_id,
  k.recorded_by, k.recorded_at,
  (SELECT b.count FROM pemetaan_counts b
    WHERE b.desa_code = k.desa_code AND b.kind = k.kind AND b.code = k.code AND b.source = k.source
      AND (b.as_of, b.recorded_at, b.id) < (k.as_of, k.recorded_at, k.id)
    ORDER BY b.as_of DESC, b.recorded_at DESC, b.id DESC LIMIT 1) AS previous_count`;

export const presentCountRecord = (r: CountRecordRow) => ({
  id: r.id,
  desaCode: r.desaCode,
  kind: r.kind,
  code: r.code,
  source: r.source,
  count: r.count,
  asOf: dateText(r.asOf),
  note: r.note,
  importId: r.importId,
  recordedBy: r.recordedBy,
  recordedAt: r.recordedAt.toISOString(),
  previousCount: r.previousCount,
});
