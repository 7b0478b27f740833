// Program Sembako's KPM register: import (all or nothing, with a row-by-row report), list and
// export in the import's columns.
import { Router } from 'express';
import type { Sql } from '../../db';
import { authorize } from '../../domain/access';
import { KPM_COLUMNS } from '../../domain/sembako';
import { csvLine } from '../csv';
import { actorOf, authorizedActor, parseInput } from '../http';
import { listRoute, whereOf } from '../list';
import { recordRequestEvent } from '../requestAudit';
import { importKpm } from './kpmImport';
import { kpmCells, kpmInRegion, kpmList, presentKpm, type KpmRecord } from './queries';
import { kpmExportQuerySchema, kpmImportBodySchema, kpmListQuerySchema } from './schema';

export function sembakoRoutes(sql: Sql): Router {
  const router = Router();
  const list = kpmList(sql);

  router.post('/sembako/kpm/imports', async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'sembako.kpm_import');
    const body = parseInput('body', kpmImportBodySchema, req.body);
    // The role may import; the register must be of the caller's region (a TKSK: their kecamatan).
    authorize(actor, 'sembako.kpm_import', body.kecamatanCode);
    const { status, report } = await importKpm(sql, res, actor, body);
    if (report.importId) res.location(`/api/sembako/kpm?filter=${encodeURIComponent(JSON.stringify({ kecamatanCode: body.kecamatanCode }))}`);
    res.status(status).json(report);
  });

  router.get(
    '/sembako/kpm',
    listRoute(sql, {
      action: 'sembako.kpm_list',
      query: kpmListQuerySchema,
      spec: list,
      source: (actor) => ({ select: sql`k.*`, from: sql`sembako_kpm k`, scope: [kpmInRegion(sql, actor)], present: (r: KpmRecord) => presentKpm(actor, r) }),
    }),
  );

  router.get('/sembako/kpm/export.csv', async (req, res) => {
    const actor = authorizedActor(res, 'sembako.kpm_list');
    const q = parseInput('query', kpmExportQuerySchema, req.query);
    const rows = await sql<KpmRecord[]>`
      SELECT k.* FROM sembako_kpm k WHERE ${whereOf(sql, list.filters, q.filter, [kpmInRegion(sql, actor)])} ORDER BY k.kecamatan_code, k.desa_code, k.id_kpm`;
    // Personal data leaves the system: every export is on the record, whoever asks (no NIK in the row, only how many).
    await recordRequestEvent(sql, res, {
      key: 'kpm_export',
      action: 'sembako.kpm_exported',
      entityType: 'sembako_kpm_list',
      entityId: actor.regionCode ?? 'national',
      details: { filter: q.filter ?? {}, rows: rows.length },
    });
    res.type('text/csv; charset=utf-8').attachment('kpm-sembako.csv');
    res.send(`${KPM_COLUMNS.join(',')}\n${rows.map((r) => csvLine(KPM_COLUMNS, kpmCells(actor, r))).join('')}`);
  });

  return router;
}
