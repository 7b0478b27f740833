// GET /api/people and GET /api/regions: names for the codes the portal shows. Every signed-in
// role may read them, within limits: a person only when they work in the caller's region or
// above it (a TKSK sees their kecamatan's colleagues and their supervisors, never another
// kecamatan's staff); regions are public reference data.
import { Router } from 'express';
import type { Sql } from '../../db';
import { inRegion } from '../../db/regionScope';
import type { Actor } from '../../domain/roles';
import { equalityFilters, idFilter, listRoute, tableList, type ListSpec } from '../list';
import { peopleListQuerySchema, regionListQuerySchema, type PeopleListFilter, type RegionListFilter } from './schema';

/** Users working within the actor's region, or in a region that covers it (their supervisors, national staff). */
export function peopleScope(sql: Sql, actor: Actor) {
  if (actor.regionCode === null) return sql`TRUE`;
  return sql`(${inRegion(sql, actor.regionCode, 'u.region_code')} OR u.region_code IS NULL OR ${actor.regionCode} LIKE u.region_code || '.%')`;
}

export function directoryRoutes(sql: Sql): Router {
  const router = Router();

  router.get(
    '/people',
    listRoute(sql, {
      action: 'directory.read',
      query: peopleListQuerySchema,
      spec: tableList<'displayName', PeopleListFilter>(sql, 'u', { resource: 'people', sort: ['displayName'], defaultSort: ['displayName', 'ASC'], equal: [] }),
      source: (actor) => ({
        select: sql`u.id, u.display_name, u.role`,
        from: sql`users u`,
        scope: [peopleScope(sql, actor)],
        present: (u: { id: string; displayName: string; role: string }) => ({ id: u.id, displayName: u.displayName, role: u.role }),
      }),
    }),
  );

  router.get(
    '/regions',
    listRoute(sql, {
      action: 'directory.read',
      query: regionListQuerySchema,
      spec: {
        resource: 'regions',
        sort: { name: 'r.name', code: 'r.code' },
        defaultSort: ['name', 'ASC'],
        tieBreaker: 'r.code',
        filters: {
          id: idFilter(sql, 'r.code'),
          ...equalityFilters(sql, { parentCode: 'r.parent_code', level: 'r.level' }),
          // Escaped for LIKE: a name search, not a pattern language.
          q: (q: string) => sql`lower(r.name) LIKE ${`%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
          current: (current: boolean) => (current ? sql`r.retired_in IS NULL` : sql`TRUE`),
        },
      } satisfies ListSpec<'name' | 'code', RegionListFilter>,
      source: () => ({
        select: sql`r.code, r.name, r.level, r.parent_code, r.retired_in,
          ARRAY(SELECT ch.new_code FROM region_code_changes ch WHERE ch.old_code = r.code ORDER BY ch.new_code) AS replaced_by`,
        from: sql`regions r`,
        present: (r: { code: string; name: string; level: string; parentCode: string | null; retiredIn: string | null; replacedBy: string[] }) => ({
          id: r.code,
          name: r.name,
          level: r.level,
          parentCode: r.parentCode,
          retiredIn: r.retiredIn,
          replacedBy: r.replacedBy,
        }),
      }),
    }),
  );

  return router;
}
