// Sembako complaints: intake (starts complaintWorkflow and answers once its first task is in the
// inbox), list, detail, and the actions on a running complaint (each a sealed Update the workflow
// validates again). Its steps are tasks, completed through POST /api/tasks/:id/complete.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { Sql } from '../../db';
import { authorize } from '../../domain/access';
import { regionChain, regionCovers } from '../../domain/regions';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_STATUSES,
  complaintActionBodySchemas,
  type ComplaintCategory,
  type ComplaintStatus,
  type ComplaintWorkflowInput,
} from '../../domain/sembako';
import { complaintActionUpdate, complaintOpenedUpdate, SA } from '../../workflows/definitions';
import type { complaintWorkflow } from '../../workflows/complaint';
import { actorOf, authorizedActor, parseInput } from '../http';
import { idempotent } from '../idempotency';
import { listRoute } from '../list';
import { bodyIssues, validationProblem } from '../problem';
import { recordAuditorRead } from '../requestAudit';
import { viaUpdate } from '../temporalErrors';
import {
  complaintAgeDays,
  complaintColumns,
  complaintInRegion,
  complaintList,
  complaintOverdue,
  complaintParts,
  presentComplaint,
  visibleComplaint,
  type ComplaintRow,
} from './queries';
import {
  COMPLAINT_AGE_BUCKETS,
  complaintActionParamsSchema,
  complaintIdParamsSchema,
  complaintListQuerySchema,
  complaintSummaryQuerySchema,
  createComplaintBodySchema,
} from './schema';

const fieldProblem = (path: (string | number)[], message: string) => validationProblem(bodyIssues([{ path, message, code: 'custom' }]));

export function complaintRoutes(sql: Sql, temporal: Client, taskQueue: string): Router {
  const router = Router();

  router.post('/complaints', idempotent(sql, 'complaints.create'), async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'complaint.create');
    const body = parseInput('body', createComplaintBodySchema, req.body);
    const kecamatanCode = body.kecamatanCode ?? (actor.role === 'tksk' ? (actor.regionCode ?? undefined) : undefined);
    if (!kecamatanCode) throw fieldProblem(['kecamatanCode'], 'name the kecamatan whose TKSK follows the complaint up');
    const [kecamatan] = await sql`SELECT code FROM regions WHERE code = ${kecamatanCode} AND level = 'kecamatan'`;
    if (!kecamatan) throw fieldProblem(['kecamatanCode'], `unknown kecamatan ${kecamatanCode}`);
    authorize(actor, 'complaint.create', kecamatanCode);
    const { subject } = body;
    if (subject.kind === 'kpm') {
      const [kpm] = await sql`SELECT 1 FROM sembako_kpm WHERE id = ${subject.kpmId} AND kecamatan_code = ${kecamatanCode}`;
      if (!kpm) throw fieldProblem(['subject', 'kpmId'], `no KPM ${subject.kpmId} in the register of kecamatan ${kecamatanCode}`);
    }
    if (subject.kind === 'e_warong' && subject.desaCode) {
      const [desa] = await sql`SELECT code FROM regions WHERE code = ${subject.desaCode} AND level = 'desa'`;
      if (!desa || !regionCovers(kecamatanCode, subject.desaCode))
        throw fieldProblem(['subject', 'desaCode'], `desa ${subject.desaCode} is not a desa of kecamatan ${kecamatanCode}`);
    }
    const chain = regionChain(kecamatanCode) as Required<Pick<ReturnType<typeof regionChain>, 'provinsi' | 'kabupaten' | 'kecamatan'>>;
    // With an Idempotency-Key the complaint id (hence the workflow id) is its record's: a retry finds the same workflow.
    const complaintId = (res.locals.idempotentResourceId as string | undefined) ?? randomUUID();
    const input: ComplaintWorkflowInput = {
      complaintId,
      intake: { ...body, kecamatanCode },
      regions: { provinsi: chain.provinsi, kabupaten: chain.kabupaten, kecamatan: chain.kecamatan },
      receivedBy: actor,
      assigneeId: actor.role === 'tksk' ? actor.id : null,
      receivedAt: new Date().toISOString(),
    };
    const start = new WithStartWorkflowOperation<typeof complaintWorkflow>('complaintWorkflow', {
      workflowId: `pengaduan-${complaintId}`,
      taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: SA.complaintStatus, value: 'forwarding' },
        { key: SA.complaintCategory, value: body.category },
        { key: SA.kecamatanCode, value: chain.kecamatan },
        { key: SA.kabupatenCode, value: chain.kabupaten },
        { key: SA.overdue, value: false },
      ],
    });
    await temporal.workflow.executeUpdateWithStart(complaintOpenedUpdate, { startWorkflowOperation: start });
    const row = await visibleComplaint(sql, actor, complaintId);
    const parts = await complaintParts(sql, row);
    res
      .status(201)
      .location(`/api/complaints/${complaintId}`)
      .json({ ...presentComplaint(actor, row), description: row.description, resolution: row.resolution, ...parts });
  });

  router.get(
    '/complaints',
    listRoute(sql, {
      action: 'complaint.list',
      query: complaintListQuerySchema,
      spec: complaintList(sql),
      source: (actor) => ({
        select: complaintColumns(sql),
        from: sql`complaints c`,
        scope: [complaintInRegion(sql, actor)],
        present: (r: ComplaintRow) => presentComplaint(actor, r),
      }),
    }),
  );

  // Counts for the complaint board, within the caller's region (before /complaints/:id).
  router.get('/complaints/summary', async (req, res) => {
    const actor = authorizedActor(res, 'complaint.list');
    const { kecamatanCode } = parseInput('query', complaintSummaryQuerySchema, req.query);
    const rows = await sql<{ status: ComplaintStatus; category: ComplaintCategory; ageDays: number; overdue: boolean }[]>`
      SELECT c.status, c.category, ${complaintAgeDays(sql)}::int AS age_days, ${complaintOverdue(sql)} AS overdue
      FROM complaints c
      WHERE ${complaintInRegion(sql, actor)} ${kecamatanCode ? sql`AND c.kecamatan_code = ${kecamatanCode}` : sql``}`;
    const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
    const byStatus = zeros(COMPLAINT_STATUSES);
    const byCategory = zeros(COMPLAINT_CATEGORIES);
    const openByAge = zeros(COMPLAINT_AGE_BUCKETS);
    for (const r of rows) {
      byStatus[r.status]++;
      byCategory[r.category]++;
      if (r.status === 'closed' || r.status === 'withdrawn') continue;
      openByAge[r.ageDays <= 3 ? '0-3' : r.ageDays <= 10 ? '4-10' : r.ageDays <= 30 ? '11-30' : '>30']++;
    }
    res.json({ total: rows.length, overdue: rows.filter((r) => r.overdue).length, byStatus, byCategory, openByAge });
  });

  router.get('/complaints/:id', async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'complaint.list');
    const { id } = parseInput('params', complaintIdParamsSchema, req.params);
    const row = await visibleComplaint(sql, actor, id);
    const parts = await complaintParts(sql, row);
    await recordAuditorRead(sql, res, actor, { key: 'read', action: 'complaint.read', entityType: 'complaint', entityId: id });
    res.json({ ...presentComplaint(actor, row), description: row.description, resolution: row.resolution, ...parts });
  });

  router.post('/complaints/:id/actions/:action', async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'complaint.act');
    const { id, action } = parseInput('params', complaintActionParamsSchema, req.params);
    const payload = parseInput('body', complaintActionBodySchemas[action], req.body) as Record<string, unknown>;
    const row = await visibleComplaint(sql, actor, id);
    authorize(actor, 'complaint.act', row.kecamatanCode);
    const snapshot = await viaUpdate(() =>
      temporal.workflow.getHandle(row.workflowId).executeUpdate(complaintActionUpdate, { args: [{ action, actor, payload }] }),
    );
    res.json(snapshot);
  });

  return router;
}
