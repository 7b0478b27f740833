// Region scopes as SQL, in one place. An access scope is a region code (null = national) and
// covers itself and every code below it (domain/regions.ts regionCovers). Rows locate themselves
// in one of two ways, and each gets the condition its indexes serve:
// - the whole region chain, one column per level (cases, tali asih claims): an equality on the
//   scope's level, e.g. `c.kabupaten_code = '33.73'` — an index scan in list order, where a
//   desa-code prefix is a range the planner must sort (README Performance);
// - one code column at any level (tasks, users): `= scope OR LIKE 'scope.%'`, served by a
//   text_pattern_ops index.
// The API's connections plan every statement for its parameters (plan_cache_mode, db/index.ts),
// so a prefix parameter can use its index.
import type postgres from 'postgres';
import { regionLevel, type RegionLevel } from '../domain/regions';
import type { Sql } from './index';

export type Fragment = postgres.PendingQuery<postgres.Row[]>;

/** Columns holding a row's region: its chain (a column per level it has), or one code column. */
export type RegionColumns = Partial<Record<RegionLevel, string>> | string;

/** SQL condition: the row lies within `scope` (null: everywhere). Column names are trusted code. */
export function inRegion(sql: Sql, scope: string | null, columns: RegionColumns): Fragment {
  if (scope === null) return sql`TRUE`;
  if (typeof columns === 'string') return sql`(${sql.unsafe(columns)} = ${scope} OR ${sql.unsafe(columns)} LIKE ${`${scope}.%`})`;
  const level = regionLevel(scope);
  const column = level && columns[level];
  if (!column) return sql`FALSE`;
  return sql`${sql.unsafe(column)} = ${scope}`;
}

/** The region chain columns of `cases` (alias c) and of `tali_asih_claims` (which has no desa). */
export const CASE_REGION_COLUMNS = { provinsi: 'c.provinsi_code', kabupaten: 'c.kabupaten_code', kecamatan: 'c.kecamatan_code', desa: 'c.desa_code' } as const;
export const CLAIM_REGION_COLUMNS = { provinsi: 'c.provinsi_code', kabupaten: 'c.kabupaten_code', kecamatan: 'c.kecamatan_code' } as const;
