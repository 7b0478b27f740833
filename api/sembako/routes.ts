// Program Sembako's KPM register: import (all or nothing, with a row-by-row report), list and
// export in the import's columns.
import { Router, type Request, type Response } from 'express';
import type { Sql } from '../../db';
import { authorize } from '../../domain/access';
import { KPM_EXPORT_COLUMNS } from '../../domain/sembako';
import { csvLine } from '../csv';
import { toXlsx, XLSX_TYPE } from '../exports/xlsx';
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

  // The register in the import's columns plus its status, as CSV or XLSX (identifiers as text cells, so both re-import).
  const exportRoute = (format: 'csv' | 'xlsx') => async (req: Request, res: Response) => {
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
      details: { filter: q.filter ?? {}, rows: rows.length, ...(format === 'xlsx' ? { format } : {}) },
    });
    const cells = rows.map((r) => kpmCells(actor, r));
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment('kpm-sembako.csv');
      res.send(`${KPM_EXPORT_COLUMNS.join(',')}\n${cells.map((c) => csvLine(KPM_EXPORT_COLUMNS, c)).join('')}`);
    } else {
      res.type(XLSX_TYPE).attachment('kpm-sembako.xlsx');
      res.send(toXlsx({ sheet: 'KPM Sembako', headers: [...KPM_EXPORT_COLUMNS], rows: cells.map((c) => KPM_EXPORT_COLUMNS.map((k) => c[k])) }));
    }
  };
  router.get('/sembako/kpm/export.csv', exportRoute('csv'));
  router.get('/sembako/kpm/export.xlsx', exportRoute('xlsx'));

  return router;
}
