// Pemetaan sosial: the per-region matrix of PPKS and PSKS counts, a TKSK's field counts, the
// import of a DTSEN/Pusdatin extract, the history of recorded counts and the matrix's export.
import { Router, type Request, type Response } from 'express';
import type { Sql } from '../../db';
import { authorize } from '../../domain/access';
import { wibDate } from '../../domain/calendar';
import { PMKS_CODES } from '../../domain/pmks';
import { regionChain } from '../../domain/regions';
import { csvLine } from '../csv';
import { toXlsx, XLSX_TYPE } from '../exports/xlsx';
import { authorizedActor, parseInput } from '../http';
import { listRoute, type ListSpec } from '../list';
import { bodyIssues, bodyFieldProblem, validationProblem } from '../problem';
import { currentPsksTypes } from '../psks/queries';
import { appendRequestEvent, recordRequestEvent } from '../requestAudit';
import { exportParamsSchema } from '../exports/routes';
import { importPemetaan } from './import';
import { countRecordColumns, countsInRegion, pemetaanMatrix, presentCountRecord, type CountRecordRow, type PemetaanMatrix } from './queries';
import {
  pemetaanCountsSchema,
  pemetaanHistoryQuerySchema,
  pemetaanImportBodySchema,
  pemetaanRegionQuerySchema,
  type PemetaanHistoryFilter,
  type PemetaanHistorySortField,
} from './schema';

const EXPORT_COLUMNS = ['kode_wilayah', 'nama_wilayah', 'jenis', 'kode', 'nama_kategori', 'sumber', 'jumlah', 'per_tanggal', 'desa_terhitung'] as const;

/** The matrix as long rows: one per region row, category and source (the CSV and XLSX say the same). */
function exportRows(m: PemetaanMatrix) {
  const names = new Map([...m.categories.ppks, ...m.categories.psks].map((c) => [c.code, c.nameId]));
  return m.rows.flatMap((r) =>
    r.cells.map((c) => ({
      kode_wilayah: r.code,
      nama_wilayah: r.name,
      jenis: c.kind.toUpperCase(),
      kode: c.code,
      nama_kategori: names.get(c.code) ?? c.code,
      sumber: c.source,
      jumlah: c.count,
      per_tanggal: c.asOf,
      desa_terhitung: c.desaCounted,
    })),
  );
}

export function pemetaanRoutes(sql: Sql): Router {
  const router = Router();

  /** The matrix of a region the caller's scope covers (else 403). */
  const matrixFor = async (req: Request, res: Response) => {
    const actor = authorizedActor(res, 'psks.read');
    const { region } = parseInput('query', pemetaanRegionQuerySchema, req.query);
    authorize(actor, 'psks.read', region);
    return pemetaanMatrix(sql, region);
  };

  router.get('/pemetaan', async (req, res) => {
    res.json(await matrixFor(req, res));
  });

  router.post('/pemetaan/counts', async (req, res) => {
    const actor = authorizedActor(res, 'pemetaan.count');
    const body = parseInput('body', pemetaanCountsSchema, req.body);
    const [desa] = await sql`SELECT code FROM regions WHERE code = ${body.desaCode} AND level = 'desa'`;
    if (!desa) throw bodyFieldProblem('desaCode', `unknown desa/kelurahan ${body.desaCode}`);
    authorize(actor, 'pemetaan.count', body.desaCode);
    if (body.asOf > wibDate(new Date())) throw bodyFieldProblem('asOf', 'the count date cannot be in the future');
    const psksCodes = new Set((await currentPsksTypes(sql)).map((t) => t.code));
    const ppksCodes = new Set<string>(PMKS_CODES);
    const seen = new Set<string>();
    const issues = body.counts.flatMap((c, i) => {
      const out: { path: (string | number)[]; message: string; code: string }[] = [];
      if (!(c.kind === 'ppks' ? ppksCodes : psksCodes).has(c.code))
        out.push({ path: ['counts', i, 'code'], message: `unknown ${c.kind === 'ppks' ? 'PPKS category' : 'PSKS type'} ${c.code}`, code: 'custom' });
      if (seen.has(`${c.kind}:${c.code}`)) out.push({ path: ['counts', i, 'code'], message: 'the same category twice', code: 'custom' });
      seen.add(`${c.kind}:${c.code}`);
      return out;
    });
    if (issues.length) throw validationProblem(bodyIssues(issues));
    const chain = regionChain(body.desaCode) as Required<ReturnType<typeof regionChain>>;
    const recorded = await sql.begin(async (tx) => {
      const ids = await tx<{ id: string }[]>`
        INSERT INTO pemetaan_counts ${tx(
          body.counts.map((c) => ({
            desaCode: chain.desa,
            kecamatanCode: chain.kecamatan,
            kabupatenCode: chain.kabupaten,
            provinsiCode: chain.provinsi,
            kind: c.kind,
            code: c.code,
            source: 'lapangan',
            count: c.count,
            asOf: body.asOf,
            note: body.note ?? null,
            recordedBy: actor.id,
          })),
        )} RETURNING id`;
      await appendRequestEvent(tx, res, {
        key: 'pemetaan_count',
        action: 'pemetaan.counted',
        entityType: 'pemetaan_desa',
        entityId: body.desaCode,
        details: { asOf: body.asOf, counts: body.counts },
      });
      return tx<
        CountRecordRow[]
      >`SELECT ${countRecordColumns(tx as unknown as Sql)} FROM pemetaan_counts k WHERE k.id IN ${tx(ids.map((r) => r.id))} ORDER BY k.id`;
    });
    res.status(201).json({ desaCode: body.desaCode, asOf: body.asOf, recorded: recorded.map(presentCountRecord) });
  });

  router.post('/pemetaan/imports', async (req, res) => {
    const actor = authorizedActor(res, 'pemetaan.import');
    const body = parseInput('body', pemetaanImportBodySchema, req.body);
    const { status, report } = await importPemetaan(sql, res, actor, body);
    res.status(status).json(report);
  });

  const historySpec: ListSpec<PemetaanHistorySortField, PemetaanHistoryFilter> = {
    resource: 'pemetaan-history',
    sort: { recordedAt: 'k.recorded_at', asOf: 'k.as_of' },
    defaultSort: ['recordedAt', 'DESC'],
    tieBreaker: 'k.id',
    filters: {
      region: (v) => countsInRegion(sql, v),
      desaCode: (v) => sql`k.desa_code = ${v}`,
      kind: (v) => sql`k.kind = ${v}`,
      code: (v) => sql`k.code = ${v}`,
      source: (v) => sql`k.source = ${v}`,
    },
  };
  router.get(
    '/pemetaan/history',
    listRoute(sql, {
      action: 'psks.read',
      query: pemetaanHistoryQuerySchema,
      spec: historySpec,
      source: (actor) => ({
        select: countRecordColumns(sql),
        from: sql`pemetaan_counts k`,
        scope: [countsInRegion(sql, actor.regionCode)],
        present: presentCountRecord,
      }),
    }),
  );

  // The matrix as a spreadsheet (counts only, no personal data); downloaded like every export, on the record.
  router.get('/exports/pemetaan.:format', async (req, res) => {
    const { format } = parseInput('params', exportParamsSchema, req.params);
    const m = await matrixFor(req, res);
    const rows = exportRows(m);
    await recordRequestEvent(sql, res, {
      key: 'export:pemetaan',
      action: 'export.downloaded',
      entityType: 'export',
      entityId: 'pemetaan',
      details: { format, region: m.region.code, rows: rows.length },
    });
    res.attachment(`kesos-pemetaan-${m.region.code}-${m.asOf}.${format}`);
    if (format === 'csv') res.type('text/csv; charset=utf-8').send(`${EXPORT_COLUMNS.join(',')}\n${rows.map((r) => csvLine(EXPORT_COLUMNS, r)).join('')}`);
    else res.type(XLSX_TYPE).send(toXlsx({ sheet: 'Pemetaan sosial', headers: [...EXPORT_COLUMNS], rows: rows.map((r) => EXPORT_COLUMNS.map((k) => r[k])) }));
  });

  return router;
}
