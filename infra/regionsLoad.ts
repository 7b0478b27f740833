// Every region code of Indonesia, loaded from a list's CSV files into `regions`. The list in use is
// Kepmendagri 300.2.2-2138/2025 (38 provinsi, 514 kabupaten/kota, 7,285 kecamatan, 83,762
// desa/kelurahan) as the `idn-area-data` package ships it (data: ODbL 1.0, README "Region codes").
// The package's JavaScript entry point is ESM-only and wants Node ≥ 22; its CSV files need
// neither, so they are read directly.
//
// Codes change when areas split or merge. A later list is loaded beside the earlier one: codes it
// no longer has stay in the table (cases, users and statistics hold them) with `retired_in` set,
// and a changes file maps each old code to its new one (`region_code_changes`), so an old code
// keeps resolving to a name and to where it went. Loading is idempotent: a version already loaded
// with the same counts is skipped.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCsv } from '../api/sembako/csvParse';
import type { RegionLevel } from '../domain/regions';
import type { Sql } from '../db';

export const BUNDLED_REGION_VERSION = 'kepmendagri-2025';

/** A list to load: its version name and a folder with provinces.csv, regencies.csv, districts.csv, villages.csv (idn-area-data's layout). */
export interface RegionSource {
  version: string;
  dir: string;
  /** Optional CSV `old_code,new_code,reason` for codes that the list replaces. */
  changesFile?: string;
}

export interface RegionLoadResult {
  version: string;
  skipped: boolean;
  counts: Record<RegionLevel, number>;
  retired: number;
  changes: number;
}

interface RegionRow {
  code: string;
  level: RegionLevel;
  name: string;
  parent_code: string | null;
  code_version: string;
}

/** The list that ships with the project (the `idn-area-data` dependency). */
export function bundledRegionSource(): RegionSource {
  return { version: BUNDLED_REGION_VERSION, dir: join(dirname(require.resolve('idn-area-data/package.json')), 'data') };
}

const FILES: [RegionLevel, string, string | null][] = [
  ['provinsi', 'provinces.csv', null],
  ['kabupaten', 'regencies.csv', 'province_code'],
  ['kecamatan', 'districts.csv', 'regency_code'],
  ['desa', 'villages.csv', 'district_code'],
];

/** The list's rows, parents before children; throws on a malformed file or a child whose parent is missing. */
export function readRegionSource(source: RegionSource): RegionRow[] {
  const rows: RegionRow[] = [];
  const known = new Set<string>();
  for (const [level, file, parentColumn] of FILES) {
    const table = parseCsv(readFileSync(join(source.dir, file), 'utf8'));
    const col = (name: string) => {
      const i = table.header.indexOf(name);
      if (i < 0) throw new Error(`${file}: no column ${name}`);
      return i;
    };
    const [code, name] = [col('code'), col('name')];
    const parent = parentColumn ? col(parentColumn) : -1;
    for (const r of table.records) {
      const row: RegionRow = {
        code: r.cells[code].trim(),
        level,
        name: r.cells[name].trim(),
        parent_code: parent >= 0 ? r.cells[parent].trim() : null,
        code_version: source.version,
      };
      if (row.parent_code && !known.has(row.parent_code)) throw new Error(`${file} line ${r.line}: ${row.code} names an unknown parent ${row.parent_code}`);
      known.add(row.code);
      rows.push(row);
    }
  }
  return rows;
}

function readChanges(file: string): { old_code: string; new_code: string; reason: string }[] {
  const table = parseCsv(readFileSync(file, 'utf8'));
  const [o, n, r] = ['old_code', 'new_code', 'reason'].map((c) => table.header.indexOf(c));
  if (o < 0 || n < 0) throw new Error(`${file}: needs columns old_code,new_code[,reason]`);
  return table.records.map((rec) => ({ old_code: rec.cells[o].trim(), new_code: rec.cells[n].trim(), reason: r >= 0 ? rec.cells[r].trim() : '' }));
}

/**
 * Loads a list into `regions` in one transaction: new codes inserted, renamed or re-parented codes
 * updated, codes the list no longer has marked retired (never deleted), and the changes file
 * recorded. Skips a version already loaded from the same files.
 */
export async function loadRegions(sql: Sql, source: RegionSource = bundledRegionSource()): Promise<RegionLoadResult> {
  const rows = readRegionSource(source);
  const changes = source.changesFile ? readChanges(source.changesFile) : [];
  const listed = new Set(rows.map((r) => r.code));
  for (const c of changes)
    if (!listed.has(c.new_code)) throw new Error(`changes: ${c.old_code} → ${c.new_code}, which the list ${source.version} does not have`);
  const digest = createHash('sha256').update(JSON.stringify(rows)).update(JSON.stringify(changes)).digest('hex');
  const counts = { provinsi: 0, kabupaten: 0, kecamatan: 0, desa: 0 } as Record<RegionLevel, number>;
  for (const r of rows) counts[r.level]++;

  const [done] = await sql<{ digest: string }[]>`SELECT digest FROM region_code_versions WHERE version = ${source.version}`;
  if (done?.digest === digest) return { version: source.version, skipped: true, counts, retired: 0, changes: changes.length };

  return sql.begin(async (tx) => {
    // One loader at a time (two API replicas starting together).
    await tx`SELECT pg_advisory_xact_lock(hashtext('region_code_versions'))`;
    const [again] = await tx<{ digest: string }[]>`SELECT digest FROM region_code_versions WHERE version = ${source.version}`;
    if (again?.digest === digest) return { version: source.version, skipped: true, counts, retired: 0, changes: changes.length };

    // Chunks keep each statement's parameters under PostgreSQL's 65,535; parents come first.
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      await tx`
        INSERT INTO regions ${tx(chunk, 'code', 'level', 'name', 'parent_code', 'code_version')}
        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, parent_code = EXCLUDED.parent_code, level = EXCLUDED.level,
          code_version = EXCLUDED.code_version, retired_in = NULL
        WHERE (regions.name, regions.parent_code, regions.code_version, regions.retired_in)
          IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.parent_code, EXCLUDED.code_version, NULL)`;
    }
    // Codes of an earlier list that this one lacks: kept, marked retired, children before parents.
    const retired = await tx`
      UPDATE regions SET retired_in = ${source.version}
      WHERE retired_in IS NULL AND code_version <> ${source.version}
        AND code NOT IN (SELECT unnest(${tx.array(rows.map((r) => r.code))}::text[]))`;
    for (const c of changes) {
      await tx`
        INSERT INTO region_code_changes (old_code, new_code, version, reason)
        VALUES (${c.old_code}, ${c.new_code}, ${source.version}, ${c.reason})
        ON CONFLICT (old_code, new_code) DO NOTHING`;
    }
    await tx`
      INSERT INTO region_code_versions (version, digest, counts, loaded_at)
      VALUES (${source.version}, ${digest}, ${tx.json(counts)}, now())
      ON CONFLICT (version) DO UPDATE SET digest = EXCLUDED.digest, counts = EXCLUDED.counts, loaded_at = EXCLUDED.loaded_at`;
    return { version: source.version, skipped: false, counts, retired: retired.count, changes: changes.length };
  });
}
