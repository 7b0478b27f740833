// /api/saved-filters: named inbox filters kept on the server (decision 0025). A user sees their
// own and those shared with them: by role (sharedRole = theirs), by region (they work within
// sharedRegionCode), or both at once when both are set. Only the owner changes or deletes one.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Sql } from '../../db';
import { regionCovers } from '../../domain/regions';
import type { Actor } from '../../domain/roles';
import { authorizedActor, parseInput } from '../http';
import { listRoute, tableList } from '../list';
import { bodyIssues, HttpProblem, validationProblem } from '../problem';
import { appendRequestEvent } from '../requestAudit';
import { savedFilterBodySchema, savedFilterIdParamsSchema, savedFilterListQuerySchema, type SavedFilterListFilter } from './schema';

interface SavedFilterRow {
  id: string;
  ownerId: string;
  name: string;
  filter: Record<string, unknown>;
  sharedRole: string | null;
  sharedRegionCode: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Saved filters visible to the actor, as a condition on `f`. */
function visibleFilters(sql: Sql, actor: Actor) {
  return sql`(f.owner_id = ${actor.id} OR (
    (f.shared_role IS NOT NULL OR f.shared_region_code IS NOT NULL)
    AND (f.shared_role IS NULL OR f.shared_role = ${actor.role})
    AND (f.shared_region_code IS NULL OR ${actor.regionCode}::text = f.shared_region_code OR ${actor.regionCode}::text LIKE f.shared_region_code || '.%')))`;
}

const present = (actor: Actor) => (f: SavedFilterRow) => ({
  id: f.id,
  ownerId: f.ownerId,
  name: f.name,
  filter: f.filter,
  sharedRole: f.sharedRole,
  sharedRegionCode: f.sharedRegionCode,
  mine: f.ownerId === actor.id,
  createdAt: f.createdAt.toISOString(),
  updatedAt: f.updatedAt.toISOString(),
});

export function savedFilterRoutes(sql: Sql): Router {
  const router = Router();

  router.get(
    '/saved-filters',
    listRoute(sql, {
      action: 'saved_filter.manage',
      query: savedFilterListQuerySchema,
      spec: tableList<'name' | 'createdAt', SavedFilterListFilter>(sql, 'f', {
        resource: 'saved-filters',
        sort: ['name', 'createdAt'],
        defaultSort: ['name', 'ASC'],
        equal: [],
        filters: { mine: () => sql`TRUE` },
      }),
      source: (actor, _res, q) => ({
        select: sql`f.*`,
        from: sql`saved_filters f`,
        scope: [
          visibleFilters(sql, actor),
          q.filter?.mine === undefined ? sql`TRUE` : q.filter.mine ? sql`f.owner_id = ${actor.id}` : sql`f.owner_id <> ${actor.id}`,
        ],
        present: present(actor),
      }),
    }),
  );

  async function visible(actor: Actor, id: string): Promise<SavedFilterRow> {
    const [row] = await sql<SavedFilterRow[]>`SELECT f.* FROM saved_filters f WHERE f.id = ${id} AND ${visibleFilters(sql, actor)}`;
    if (!row) throw new HttpProblem(404, `no saved filter ${id} visible to you`);
    return row;
  }

  async function owned(actor: Actor, id: string): Promise<SavedFilterRow> {
    const row = await visible(actor, id);
    if (row.ownerId !== actor.id) throw new HttpProblem(403, 'only its owner changes a saved filter');
    return row;
  }

  /** One shares within one's own region only. */
  function checkSharing(actor: Actor, regionCode: string | null | undefined): void {
    if (regionCode && !regionCovers(actor.regionCode, regionCode))
      throw validationProblem(bodyIssues([{ path: ['sharedRegionCode'], message: 'outside your region', code: 'custom' }]));
  }

  router.get('/saved-filters/:id', async (req, res) => {
    const actor = authorizedActor(res, 'saved_filter.manage');
    const { id } = parseInput('params', savedFilterIdParamsSchema, req.params);
    res.json(present(actor)(await visible(actor, id)));
  });

  router.post('/saved-filters', async (req, res) => {
    const actor = authorizedActor(res, 'saved_filter.manage');
    const body = parseInput('body', savedFilterBodySchema, req.body);
    checkSharing(actor, body.sharedRegionCode);
    const id = randomUUID();
    const [row] = await sql.begin(async (tx) => {
      const rows = await tx<SavedFilterRow[]>`
        INSERT INTO saved_filters (id, owner_id, name, filter, shared_role, shared_region_code, created_at, updated_at)
        VALUES (${id}, ${actor.id}, ${body.name}, ${tx.json(body.filter as never)}, ${body.sharedRole ?? null}, ${body.sharedRegionCode ?? null}, now(), now())
        RETURNING *`;
      await appendRequestEvent(tx, res, {
        key: `saved_filter:${id}:created`,
        action: 'saved_filter.created',
        entityType: 'saved_filter',
        entityId: id,
        details: { name: body.name, sharedRole: body.sharedRole ?? null, sharedRegionCode: body.sharedRegionCode ?? null },
      });
      return rows;
    });
    res.status(201).json(present(actor)(row));
  });

  router.put('/saved-filters/:id', async (req, res) => {
    const actor = authorizedActor(res, 'saved_filter.manage');
    const { id } = parseInput('params', savedFilterIdParamsSchema, req.params);
    const body = parseInput('body', savedFilterBodySchema, req.body);
    await owned(actor, id);
    checkSharing(actor, body.sharedRegionCode);
    const [row] = await sql.begin(async (tx) => {
      const rows = await tx<SavedFilterRow[]>`
        UPDATE saved_filters SET name = ${body.name}, filter = ${tx.json(body.filter as never)}, shared_role = ${body.sharedRole ?? null},
               shared_region_code = ${body.sharedRegionCode ?? null}, updated_at = now()
        WHERE id = ${id} RETURNING *`;
      await appendRequestEvent(tx, res, {
        key: `saved_filter:${id}:updated`,
        action: 'saved_filter.updated',
        entityType: 'saved_filter',
        entityId: id,
        details: { name: body.name, sharedRole: body.sharedRole ?? null, sharedRegionCode: body.sharedRegionCode ?? null },
      });
      return rows;
    });
    res.json(present(actor)(row));
  });

  router.delete('/saved-filters/:id', async (req, res) => {
    const actor = authorizedActor(res, 'saved_filter.manage');
    const { id } = parseInput('params', savedFilterIdParamsSchema, req.params);
    const row = await owned(actor, id);
    await sql.begin(async (tx) => {
      await tx`DELETE FROM saved_filters WHERE id = ${id}`;
      await appendRequestEvent(tx, res, {
        key: `saved_filter:${id}:deleted`,
        action: 'saved_filter.deleted',
        entityType: 'saved_filter',
        entityId: id,
        details: { name: row.name },
      });
    });
    // react-admin's delete expects the deleted record back.
    res.json(present(actor)(row));
  });

  return router;
}
