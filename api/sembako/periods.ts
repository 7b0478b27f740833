// Sembako distribution periods: opening one (starts sembakoPeriodWorkflow `sembako-<kecamatan>-<period>`
// and answers once its Tikor task is in the inbox) and the list of one's region. The steps are
// tasks, completed through POST /api/tasks/:id/complete.
import { Router } from 'express';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { Sql } from '../../db';
import { inRegion } from '../../db/regionScope';
import { authorize } from '../../domain/access';
import { regionChain, regionCovers } from '../../domain/regions';
import { sembakoPeriodIdOf, type KpmCheckSummary, type SembakoPeriodInput } from '../../domain/sembako';
import { sembakoPeriodOpenedUpdate, SA } from '../../workflows/definitions';
import type { sembakoPeriodWorkflow } from '../../workflows/sembakoPeriod';
import { actorOf, authorizedActor, parseInput } from '../http';
import { listRoute, tableList } from '../list';
import { bodyIssues, HttpProblem, validationProblem } from '../problem';
import {
  openSembakoPeriodBodySchema,
  sembakoPeriodIdParamsSchema,
  sembakoPeriodListQuerySchema,
  type SembakoPeriodListFilter,
  type SembakoPeriodSortField,
} from './schema';

interface PeriodRow {
  id: string;
  period: string;
  kecamatanCode: string;
  kabupatenCode: string;
  status: string;
  points: unknown[];
  checklist: unknown[];
  openedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  kecamatanName: string | null;
  pointsMonitored: number | null;
  kpmListed: number | null;
  kpmServed: number | null;
  cardProblems: { bank: string; kind: string; count: number }[];
  failedItems: number | null;
  revocationsRecommended: string[];
  reportSummary: Record<string, unknown> | null;
  openComplaints: number;
  kpmCheck: KpmCheckSummary | null;
}

const PERIOD_REGION_COLUMNS = { provinsi: 'p.provinsi_code', kabupaten: 'p.kabupaten_code', kecamatan: 'p.kecamatan_code' } as const;
const present = (r: PeriodRow) => ({
  id: r.id,
  period: r.period,
  kecamatanCode: r.kecamatanCode,
  kabupatenCode: r.kabupatenCode,
  status: r.status,
  points: r.points,
  checklist: r.checklist,
  openedBy: r.openedBy,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  kecamatanName: r.kecamatanName,
  pointsMonitored: r.pointsMonitored,
  kpmListed: r.kpmListed,
  kpmServed: r.kpmServed,
  realisation: periodRealisation(r),
  cardProblems: r.cardProblems,
  cardProblemsTotal: r.cardProblems.reduce((n, c) => n + c.count, 0),
  failedItems: r.failedItems,
  revocationsRecommended: r.revocationsRecommended,
  report: r.reportSummary,
  openComplaints: r.openComplaints,
  kpmCheck: r.kpmCheck,
});

/** served / listed, 0..1 (4 places), null until monitored or when no KPM were listed. */
export const periodRealisation = (r: { kpmListed: number | null; kpmServed: number | null }): number | null =>
  r.kpmListed && r.kpmServed !== null ? Math.round((r.kpmServed / r.kpmListed) * 10_000) / 10_000 : null;

/** A period row with its kecamatan's name and the kecamatan's complaints not closed or withdrawn. */
export const periodSelect = (sql: Sql) => sql`
  p.*, rk.name AS kecamatan_name,
  (SELECT count(*)::int FROM complaints c WHERE c.kecamatan_code = p.kecamatan_code AND c.status NOT IN ('closed', 'withdrawn')) AS open_complaints`;
export const periodFrom = (sql: Sql) => sql`sembako_periods p LEFT JOIN regions rk ON rk.code = p.kecamatan_code`;
export const periodInRegion = (sql: Sql, regionCode: string | null) => inRegion(sql, regionCode, PERIOD_REGION_COLUMNS);
export const periodListSpec = (sql: Sql) =>
  tableList<SembakoPeriodSortField, SembakoPeriodListFilter>(sql, 'p', {
    resource: 'sembako-periods',
    sort: ['period', 'createdAt', 'updatedAt', 'kecamatanCode', 'status'],
    defaultSort: ['period', 'DESC'],
    equal: ['period', 'kecamatanCode', 'kabupatenCode', 'status'],
  });
export type { PeriodRow };
const fieldProblem = (path: (string | number)[], message: string) => validationProblem(bodyIssues([{ path, message, code: 'custom' }]));

export function sembakoPeriodRoutes(sql: Sql, temporal: Client, taskQueue: string): Router {
  const router = Router();

  router.post('/sembako/periods', async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'sembako.period_open');
    const body = parseInput('body', openSembakoPeriodBodySchema, req.body);
    const kecamatanCode = body.kecamatanCode ?? (actor.role === 'tksk' ? (actor.regionCode ?? undefined) : undefined);
    if (!kecamatanCode) throw fieldProblem(['kecamatanCode'], 'name the kecamatan of the period');
    const [kecamatan] = await sql`SELECT code FROM regions WHERE code = ${kecamatanCode} AND level = 'kecamatan'`;
    if (!kecamatan) throw fieldProblem(['kecamatanCode'], `unknown kecamatan ${kecamatanCode}`);
    authorize(actor, 'sembako.period_open', kecamatanCode);
    const desa = new Set((await sql<{ code: string }[]>`SELECT code FROM regions WHERE level = 'desa' AND parent_code = ${kecamatanCode}`).map((r) => r.code));
    body.distributionPoints.forEach((p, i) => {
      if (!desa.has(p.desaCode) || !regionCovers(kecamatanCode, p.desaCode))
        throw fieldProblem(['distributionPoints', i, 'desaCode'], `desa ${p.desaCode} is not a desa of kecamatan ${kecamatanCode}`);
    });
    const periodId = sembakoPeriodIdOf(kecamatanCode, body.period);
    const [existing] = await sql`SELECT id FROM sembako_periods WHERE id = ${periodId}`;
    if (existing) throw new HttpProblem(409, `period ${body.period} of kecamatan ${kecamatanCode} is already open`, { periodId });
    const chain = regionChain(kecamatanCode) as Required<Pick<ReturnType<typeof regionChain>, 'provinsi' | 'kabupaten' | 'kecamatan'>>;
    const input: SembakoPeriodInput = {
      periodId,
      period: body.period,
      regions: { provinsi: chain.provinsi, kabupaten: chain.kabupaten, kecamatan: chain.kecamatan },
      distributionPoints: body.distributionPoints,
      openedBy: actor,
      openedAt: new Date().toISOString(),
    };
    const start = new WithStartWorkflowOperation<typeof sembakoPeriodWorkflow>('sembakoPeriodWorkflow', {
      workflowId: periodId,
      taskQueue,
      args: [input],
      // Two requests at once: the second attaches to the first's workflow.
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: SA.kecamatanCode, value: chain.kecamatan },
        { key: SA.kabupatenCode, value: chain.kabupaten },
      ],
    });
    const snapshot = await temporal.workflow.executeUpdateWithStart(sembakoPeriodOpenedUpdate, { startWorkflowOperation: start });
    res
      .status(201)
      .location(`/api/sembako/periods?filter=${encodeURIComponent(JSON.stringify({ id: periodId }))}`)
      .json(snapshot);
  });

  router.get(
    '/sembako/periods',
    listRoute(sql, {
      action: 'sembako.period_list',
      query: sembakoPeriodListQuerySchema,
      spec: periodListSpec(sql),
      source: (actor) => ({
        select: periodSelect(sql),
        from: periodFrom(sql),
        scope: [periodInRegion(sql, actor.regionCode)],
        present,
      }),
    }),
  );

  router.get('/sembako/periods/:id', async (req, res) => {
    const actor = authorizedActor(res, 'sembako.period_list');
    const { id } = parseInput('params', sembakoPeriodIdParamsSchema, req.params);
    const [row] = await sql<PeriodRow[]>`SELECT ${periodSelect(sql)} FROM ${periodFrom(sql)} WHERE p.id = ${id} AND ${periodInRegion(sql, actor.regionCode)}`;
    if (!row) throw new HttpProblem(404, `no period ${id} in your region`);
    res.json(present(row));
  });

  return router;
}
