// simple-rest lists in one place (react-admin's ra-data-simple-rest): `filter={...}` → SQL
// conditions, `sort=["field","ASC"]` → ORDER BY a whitelisted column then a unique tie-breaker,
// `range=[0,24]` → LIMIT/OFFSET, and `Content-Range: <resource> 0-24/<total>`. The total is
// counted beside the page and stops at LIST_COUNT_CAP, so a province-wide page stays fast (the
// page itself is an index-ordered LIMIT query): above the cap the total is the cap and
// `X-Total-Capped: true` says so.
import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { Sql } from '../db';
import type { Fragment } from '../db/regionScope';
import type { Action } from '../domain/access';
import type { Actor } from '../domain/roles';
import { authorizedActor, parseInput } from './http';

export const LIST_COUNT_CAP = 10_000;

type Dir = 'ASC' | 'DESC';

/** A JSON-encoded query parameter, e.g. `sort=["createdAt","DESC"]`. */
const jsonParam = <S extends z.ZodType>(inner: S) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(inner);

/** simple-rest list query for a resource whose sortable fields and filters are given. */
export function listQuerySchema<const S extends readonly [string, ...string[]], F extends z.ZodRawShape>(sortable: S, filter: F) {
  return z.object({
    /** `["field","ASC"|"DESC"]` */
    sort: jsonParam(z.tuple([z.enum(sortable), z.enum(['ASC', 'DESC'])])).optional(),
    /** `[first,last]`, inclusive, at most 500 rows. */
    range: jsonParam(
      z.tuple([z.number().int().min(0), z.number().int().min(0)]).refine(([a, b]) => b >= a && b - a < 500, 'range must be [first,last] with at most 500 rows'),
    ).optional(),
    /** JSON object of filters. */
    filter: jsonParam(z.strictObject(filter)).optional(),
  });
}

/** The `id` filter's schema: one id or up to 500 (react-admin's getMany sends a list). */
export const idsFilterSchema = <T extends z.ZodType>(id: T) => z.union([id, z.array(id).max(500)]).optional();

/** A parsed list query (listQuerySchema). */
export interface ListQuery<S extends string, F> {
  sort?: [S, Dir];
  range?: [number, number];
  filter?: F;
}

/** How each filter field becomes a condition (every field of the filter schema must have one). */
export type FilterConditions<F> = { [K in keyof F]-?: (value: NonNullable<F[K]>) => Fragment };

export interface ListSpec<S extends string, F> {
  /** The name in Content-Range. */
  resource: string;
  /** Sortable field → its SQL column (trusted code). */
  sort: Record<S, string>;
  defaultSort: [S, Dir];
  /** Unique column(s) after the sort column, so that pages neither overlap nor skip rows. */
  tieBreaker: string;
  /** Rows without a value (e.g. no due time) last in either direction. */
  nullsLast?: boolean;
  filters: FilterConditions<F>;
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A list over one table, aliased `alias`, whose fields are its columns in snake_case: sorting by
 * `sort`, equality filters on `equal`, the `id` filter (react-admin's getMany) and ties broken by id.
 * `filters` adds the conditions that are not a plain equality.
 */
export function tableList<S extends string, F>(
  sql: Sql,
  alias: string,
  spec: {
    resource: string;
    sort: readonly S[];
    defaultSort: [S, Dir];
    nullsLast?: boolean;
    equal: readonly (keyof F & string)[];
    filters?: Partial<FilterConditions<F>>;
  },
): ListSpec<S, F> {
  const column = (field: string) => `${alias}.${snake(field)}`;
  return {
    resource: spec.resource,
    sort: Object.fromEntries(spec.sort.map((f) => [f, column(f)])) as Record<S, string>,
    defaultSort: spec.defaultSort,
    tieBreaker: column('id'),
    nullsLast: spec.nullsLast,
    filters: {
      id: idFilter(sql, column('id')),
      ...equalityFilters(sql, Object.fromEntries(spec.equal.map((f) => [f, column(f)]))),
      ...spec.filters,
    } as unknown as FilterConditions<F>,
  };
}

/** `id` filters: one id or several (react-admin's getMany sends a list). */
export const oneOrMany = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/** Filters that are an equality on a column (field → column, trusted code). */
export function equalityFilters<K extends string>(sql: Sql, columns: Record<K, string>): Record<K, (value: unknown) => Fragment> {
  const entries = Object.entries(columns) as [K, string][];
  return Object.fromEntries(entries.map(([field, column]) => [field, (v: unknown) => sql`${sql.unsafe(column)} = ${v as string}`])) as Record<
    K,
    (value: unknown) => Fragment
  >;
}

/** The `id` filter: one id or several. */
export const idFilter = (sql: Sql, column: string) => (v: string | string[]) => sql`${sql.unsafe(column)} IN ${sql(oneOrMany(v))}`;

/** The filter's conditions AND-ed onto `base` (scope and the like); an absent or empty value filters nothing. */
export function whereOf<F>(sql: Sql, filters: FilterConditions<F>, filter: F | undefined, base: Fragment[] = []): Fragment {
  const conds = [...base];
  for (const key of Object.keys(filter ?? {}) as (keyof F)[]) {
    const value = filter![key];
    if (value === undefined || value === null || value === '') continue;
    conds.push(filters[key](value as NonNullable<F[keyof F]>));
  }
  return conds.length ? conds.reduce((a, b) => sql`${a} AND ${b}`) : sql`TRUE`;
}

export function orderOf<S extends string, F>(sql: Sql, spec: ListSpec<S, F>, sort: [S, Dir] | undefined): Fragment {
  const [field, dir] = sort ?? spec.defaultSort;
  const column = spec.sort[field];
  const tie = column === spec.tieBreaker ? '' : `, ${spec.tieBreaker}`;
  return sql.unsafe(`${column} ${dir === 'ASC' ? 'ASC' : 'DESC'}${spec.nullsLast ? ' NULLS LAST' : ''}${tie}`) as unknown as Fragment;
}

async function cappedCount(sql: Sql, fromWhere: Fragment, res: Response): Promise<number> {
  const [{ n }] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 ${fromWhere} LIMIT ${LIST_COUNT_CAP + 1}) x`;
  if (n > LIST_COUNT_CAP) {
    res.setHeader('X-Total-Capped', 'true');
    return LIST_COUNT_CAP;
  }
  return n;
}

export function sendList(res: Response, resource: string, rows: unknown[], first: number, total: number): void {
  const last = rows.length ? first + rows.length - 1 : first;
  res.setHeader('Content-Range', `${resource} ${first}-${last}/${total}`);
  res.setHeader('Access-Control-Expose-Headers', 'Content-Range, X-Total-Capped, X-Total-Amount, X-Request-Id');
  res.json(rows);
}

/** What a list reads: the caller's visible rows as a FROM source, more conditions, how a row is shown. */
export interface ListSource<R> {
  select: Fragment;
  from: Fragment;
  scope?: Fragment[];
  present: (row: R) => unknown;
  /** Totals of the whole filtered list as headers (e.g. X-Total-Amount), computed beside the page. */
  headers?: (fromWhere: Fragment) => Promise<Record<string, string>>;
  /** Called with the page's rows before they are sent (an auditor's read is audited). */
  read?: (rows: R[]) => Promise<void>;
}

/**
 * Answers a list request: the page (`SELECT <select> FROM <from> WHERE <scope and filter>
 * ORDER BY … LIMIT … OFFSET …`) and its capped total in parallel, then Content-Range. `from` is
 * the caller's visible rows (region-scoped, aliased); `headers` adds totals of the whole
 * filtered list (e.g. X-Total-Amount), computed beside the page.
 */
export async function sendListPage<S extends string, F, R>(
  sql: Sql,
  res: Response,
  spec: ListSpec<S, F>,
  q: ListQuery<S, F>,
  source: ListSource<R>,
): Promise<void> {
  const [first, last] = q.range ?? [0, 24];
  const fromWhere = sql`FROM ${source.from} WHERE ${whereOf(sql, spec.filters, q.filter, source.scope)}`;
  const [rows, total, headers] = await Promise.all([
    sql`SELECT ${source.select} ${fromWhere} ORDER BY ${orderOf(sql, spec, q.sort)} LIMIT ${last - first + 1} OFFSET ${first}` as unknown as Promise<R[]>,
    cappedCount(sql, fromWhere, res),
    source.headers?.(fromWhere) ?? ({} as Record<string, string>),
  ]);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  await source.read?.(rows);
  sendList(res, spec.resource, rows.map(source.present), first, total);
}

/** GET handler of a list: the role may `action` (else 403), the query parses (else 422), then the page of the caller's rows. */
export function listRoute<S extends string, F, R>(
  sql: Sql,
  o: {
    action: Action;
    query: z.ZodType<ListQuery<S, F>, unknown>;
    spec: ListSpec<S, F>;
    source: (actor: Actor, res: Response, q: ListQuery<S, F>) => ListSource<R>;
  },
): RequestHandler {
  return async (req, res) => {
    const actor = authorizedActor(res, o.action);
    const q = parseInput('query', o.query, req.query);
    await sendListPage(sql, res, o.spec, q, o.source(actor, res, q));
  };
}
