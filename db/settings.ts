// Admin settings per region (tables sla_policies and case_policies): a row's region_code is ''
// (everywhere) or a region code (that region and below it), and for a region the most specific
// covering row wins. One resolver for the API and the activities.
import { caseSettingsSchema, type CaseSettings } from '../domain/caseSettings';
import type { TaskType } from '../domain/taskTypes';
import type { Fragment } from './regionScope';
import type { Sql, Tx } from './index';

/**
 * The most specific row of `table` covering `region` for each `key` (one row per key, DISTINCT
 * ON), among the rows matching `where`. `region` is a code, or a column of the outer query (a
 * LATERAL join per case). Table and column names are trusted code.
 */
export function mostSpecificSetting(
  sql: Sql | Tx,
  s: { table: 'sla_policies' | 'case_policies'; columns: string; key: string; region: string | Fragment; where?: Fragment },
): Fragment {
  return sql`
    SELECT DISTINCT ON (${sql.unsafe(s.key)}) ${sql.unsafe(s.columns)} FROM ${sql.unsafe(s.table)}
    WHERE ${s.where ?? sql`TRUE`} AND (region_code = '' OR ${s.region} = region_code OR ${s.region} LIKE region_code || '.%')
    ORDER BY ${sql.unsafe(s.key)}, length(region_code) DESC`;
}

/** Case settings for a region: the most specific row of each key, defaults for the rest. */
export async function caseSettingsFor(sql: Sql | Tx, regionCode: string): Promise<CaseSettings> {
  const rows = await sql<
    { key: string; value: unknown }[]
  >`${mostSpecificSetting(sql, { table: 'case_policies', columns: 'key, value', key: 'key', region: regionCode })}`;
  return caseSettingsSchema.parse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}

/** The SLA row for a task type in a region (a LATERAL-joinable query: at most one row). */
export const slaSettingFor = (sql: Sql | Tx, type: TaskType, regionCode: string) =>
  mostSpecificSetting(sql, {
    table: 'sla_policies',
    columns: 'task_type, due_period, working_days',
    key: 'task_type',
    region: regionCode,
    where: sql`task_type = ${type}`,
  });

/** The retention period of the case `c` of the outer query, as an interval text. */
export const retentionOfCase = (sql: Sql | Tx) =>
  mostSpecificSetting(sql, {
    table: 'case_policies',
    columns: "key, value #>> '{}' AS period",
    key: 'key',
    region: sql`c.desa_code`,
    where: sql`key = 'retention_period'`,
  });
