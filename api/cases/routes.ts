import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { Sql } from '../../db';
import { appendAudit } from '../../db/audit';
import { authorize } from '../../domain/access';
import { regionChain, regionCovers } from '../../domain/regions';
import type { CaseWorkflowInput } from '../../domain/workflowContracts';
import { registeredUpdate, SA } from '../../workflows/definitions';
import type { caseWorkflow } from '../../workflows/case';
import { actorOf, parseInput, sendList } from '../http';
import { idempotent, uuidFromKey } from '../idempotency';
import { cappedCount } from '../listTotals';
import { bodyIssues, HttpProblem, validationProblem } from '../problem';
import { presentTask, type TaskRow } from '../tasks/queries';
import { findVisibleCase, presentCase, visibleCases, type CaseRow } from './queries';
import { caseIdParamsSchema, caseListQuerySchema, createCaseBodySchema, timelineQuerySchema } from './schema';
import { caseTimeline } from './timeline';

const SORT_COLUMNS = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  status: 'status',
  pmksCode: 'pmks_code',
  kecamatanCode: 'kecamatan_code',
} as const;

/** Four-eyes requests still waiting: requested in the audit trail, neither confirmed nor declined. */
async function pendingInterventions(sql: Sql, caseId: string) {
  return sql`
    SELECT r.details->>'interventionId' AS intervention_id, r.details->>'action' AS action, r.details AS payload,
           r.actor_id AS requested_by, r.at AS requested_at
    FROM audit_log r
    WHERE r.case_id = ${caseId} AND r.action = 'intervention.requested'
      AND NOT EXISTS (SELECT 1 FROM audit_log d WHERE d.case_id = ${caseId}
                        AND d.action IN ('intervention.confirmed', 'intervention.declined')
                        AND d.details->>'interventionId' = r.details->>'interventionId')
    ORDER BY r.seq`;
}

export function caseRoutes(sql: Sql, temporal: Client, taskQueue: string): Router {
  const router = Router();

  router.get('/cases', async (req, res) => {
    const actor = actorOf(res);
    const q = parseInput('query', caseListQuerySchema, req.query);
    authorize(actor, 'case.list');
    const f = q.filter ?? {};
    const conds = [sql`TRUE`];
    if (f.id !== undefined) conds.push(sql`c.id IN ${sql(Array.isArray(f.id) ? f.id : [f.id])}`);
    if (f.status) conds.push(sql`c.status = ${f.status}`);
    if (f.pmksCode) conds.push(sql`c.pmks_code = ${f.pmksCode}`);
    if (f.kecamatanCode) conds.push(sql`c.kecamatan_code = ${f.kecamatanCode}`);
    if (f.assigneeId) conds.push(sql`c.assignee_id = ${f.assigneeId}`);
    const where = conds.reduce((a, b) => sql`${a} AND ${b}`);
    const [field, dir] = q.sort ?? ['createdAt', 'DESC'];
    const [first, last] = q.range ?? [0, 24];
    const order = sql.unsafe(`c.${SORT_COLUMNS[field]} ${dir === 'ASC' ? 'ASC' : 'DESC'}, c.id`);
    const from = sql`FROM ${visibleCases(sql, actor)} WHERE ${where}`;
    const [rows, total] = await Promise.all([
      sql<CaseRow[]>`SELECT c.* ${from} ORDER BY ${order} LIMIT ${last - first + 1} OFFSET ${first}`,
      cappedCount(sql, from, res),
    ]);
    sendList(res, 'cases', rows.map((r) => presentCase(actor, r, false)), first, total);
  });

  router.post('/cases', idempotent(sql, 'cases.create'), async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'case.register');
    const body = parseInput('body', createCaseBodySchema, req.body);
    const desaCode = body.beneficiary.desaCode;
    const [desa] = await sql`SELECT code FROM regions WHERE code = ${desaCode} AND level = 'desa'`;
    const desaProblem = !desa ? `unknown desa/kelurahan ${desaCode}` : !regionCovers(actor.regionCode, desaCode) ? `desa ${desaCode} is outside your kecamatan (${actor.regionCode})` : undefined;
    if (desaProblem) {
      throw validationProblem(bodyIssues([{ path: ['beneficiary', 'desaCode'], message: desaProblem, code: 'custom' }]));
    }
    const chain = regionChain(desaCode) as Required<ReturnType<typeof regionChain>>;
    // With an Idempotency-Key the case id (hence the workflow id) follows from it: a retry after
    // a crash mid-request finds the same workflow instead of starting a second case.
    const key = res.locals.idempotencyKey as string | undefined;
    const caseId = key ? uuidFromKey(actor.id, key) : randomUUID();
    const input: CaseWorkflowInput = {
      caseId,
      registration: body,
      registeredBy: actor,
      regions: { provinsi: chain.provinsi, kabupaten: chain.kabupaten, kecamatan: chain.kecamatan, desa: chain.desa },
      registeredAt: new Date().toISOString(),
    };
    // Update-with-start: the workflow starts and answers "registered" (its row and first task
    // written) in one round trip and one workflow task.
    const start = new WithStartWorkflowOperation<typeof caseWorkflow>('caseWorkflow', {
      workflowId: `case-${caseId}`,
      taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: SA.caseStatus, value: 'assessment' },
        { key: SA.pmksCode, value: body.pmksCode },
        { key: SA.kecamatanCode, value: chain.kecamatan },
        { key: SA.kabupatenCode, value: chain.kabupaten },
        { key: SA.assignedTksk, value: actor.id },
        { key: SA.overdue, value: false },
      ],
    });
    await temporal.workflow.executeUpdateWithStart(registeredUpdate, { startWorkflowOperation: start });
    const row = await findVisibleCase(sql, actor, caseId);
    res.status(201).location(`/api/cases/${caseId}`).json(presentCase(actor, row!, true));
  });

  router.get('/cases/:id', async (req, res) => {
    const actor = actorOf(res);
    const { id } = parseInput('params', caseIdParamsSchema, req.params);
    authorize(actor, 'case.list');
    const row = await findVisibleCase(sql, actor, id);
    if (!row) throw new HttpProblem(404, `no case ${id} in your region`);
    const tasks = await sql<TaskRow[]>`SELECT * FROM tasks WHERE case_id = ${id} ORDER BY created_at, id`;
    const referrals = await sql`
      SELECT id, workflow_id, destination_type, institution_name, reason, urgency, status, requested_by, created_at, closed_at, outcome
      FROM referrals WHERE case_id = ${id} ORDER BY created_at`;
    if (actor.role === 'auditor') {
      // UU PDP: an auditor's read of personal data is itself on the record.
      await sql.begin((tx) =>
        appendAudit(tx, {
          eventKey: `read:${res.locals.requestId}`,
          at: new Date(),
          actorId: actor.id,
          actorRole: actor.role,
          action: 'case.personal_data_read',
          entityType: 'case',
          entityId: id,
          caseId: id,
          details: {},
        }),
      );
    }
    res.json({
      ...presentCase(actor, row, true),
      openTasks: tasks.filter((t) => t.status === 'open').map(presentTask),
      tasks: tasks.map(presentTask),
      referrals,
      pendingInterventions: await pendingInterventions(sql, id),
    });
  });

  router.get('/cases/:id/timeline', async (req, res) => {
    const actor = actorOf(res);
    const { id } = parseInput('params', caseIdParamsSchema, req.params);
    const { lang } = parseInput('query', timelineQuerySchema, req.query);
    authorize(actor, 'case.list');
    const row = await findVisibleCase(sql, actor, id);
    if (!row) throw new HttpProblem(404, `no case ${id} in your region`);
    res.json(await caseTimeline(sql, id, lang));
  });

  router.get('/cases/:id/history', async (req, res) => {
    const actor = actorOf(res);
    const { id } = parseInput('params', caseIdParamsSchema, req.params);
    const row = await findVisibleCase(sql, actor, id);
    if (!row) throw new HttpProblem(404, `no case ${id} in your region`);
    authorize(actor, 'case.history', row.desaCode);
    const history = await temporal.workflow.getHandle(row.workflowId).fetchHistory();
    res.type('application/json').send(`{"workflowId":${JSON.stringify(row.workflowId)},"history":${historyToJSON(history)}}`);
  });

  return router;
}
