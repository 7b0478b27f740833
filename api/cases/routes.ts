import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { Sql } from '../../db';
import { authorize } from '../../domain/access';
import { regionChain, regionCovers } from '../../domain/regions';
import type { CaseWorkflowInput } from '../../domain/workflowContracts';
import { registeredUpdate, SA } from '../../workflows/definitions';
import type { caseWorkflow } from '../../workflows/case';
import { actorOf, parseInput } from '../http';
import { idempotent } from '../idempotency';
import { listRoute } from '../list';
import { bodyIssues, HttpProblem, validationProblem } from '../problem';
import { recordAuditorRead, recordRequestEvent } from '../requestAudit';
import { presentTask } from '../tasks/queries';
import {
  caseList,
  caseParts,
  findVisibleCase,
  NIK_LOCK,
  openCasesOfNik,
  presentCase,
  registrationWarnings,
  seesCase,
  visibleCase,
  visibleCases,
  type CaseRow,
} from './queries';
import { caseIdParamsSchema, caseListQuerySchema, createCaseBodySchema, timelineQuerySchema } from './schema';
import { caseTimeline } from './timeline';

export function caseRoutes(sql: Sql, temporal: Client, taskQueue: string): Router {
  const router = Router();

  router.get(
    '/cases',
    listRoute(sql, {
      action: 'case.list',
      query: caseListQuerySchema,
      spec: caseList(sql),
      source: (actor, res, q) => ({
        select: sql`c.*`,
        from: visibleCases(sql, actor),
        present: (r: CaseRow) => presentCase(actor, r, false),
        // A search by NIK looks a person up: on the record (who, how many cases found), never the NIK itself.
        read: q.filter?.nik
          ? (rows: unknown[]) =>
              recordRequestEvent(sql, res, {
                key: 'read:nik',
                action: 'case.nik_lookup',
                entityType: 'case_list',
                entityId: 'nik',
                details: { rows: rows.length },
              })
          : undefined,
      }),
    }),
  );

  router.post('/cases', idempotent(sql, 'cases.create'), async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'case.register');
    const body = parseInput('body', createCaseBodySchema, req.body);
    const desaCode = body.beneficiary.desaCode;
    const [desa] = await sql<{ retiredIn: string | null }[]>`SELECT retired_in FROM regions WHERE code = ${desaCode} AND level = 'desa'`;
    const desaProblem = !desa
      ? `unknown desa/kelurahan ${desaCode}`
      : desa.retiredIn
        ? `desa/kelurahan ${desaCode} was retired by the region list ${desa.retiredIn}; use its new code`
        : !regionCovers(actor.regionCode, desaCode)
          ? `desa ${desaCode} is outside your kecamatan (${actor.regionCode})`
          : undefined;
    if (desaProblem) {
      throw validationProblem(bodyIssues([{ path: ['beneficiary', 'desaCode'], message: desaProblem, code: 'custom' }]));
    }
    const chain = regionChain(desaCode) as Required<ReturnType<typeof regionChain>>;
    // With an Idempotency-Key the case id (hence the workflow id) is its record's: a retry after
    // a crash mid-request finds the same workflow instead of starting a second case.
    const caseId = (res.locals.idempotentResourceId as string | undefined) ?? randomUUID();
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
    // One open case per person and PMKS category. The check and the start run under a lock on the
    // NIK (held until the case row is written), so two registrations at once cannot both pass it.
    const warnings = await sql.begin(async (tx) => {
      await tx`SELECT pg_advisory_xact_lock(${NIK_LOCK}::int, hashtext(${body.beneficiary.nik}))`;
      const open = await openCasesOfNik(tx, body.beneficiary.nik, caseId);
      const same = open.filter((c) => c.pmksCode === body.pmksCode);
      if (same.length) {
        const seen = same.find((c) => seesCase(actor, c));
        if (seen)
          throw new HttpProblem(409, `this NIK already has an open ${body.pmksCode} case, ${seen.id}: continue it instead of registering the person again`, {
            code: 'duplicate-case',
            caseId: seen.id,
          });
        throw new HttpProblem(
          409,
          `this NIK already has an open ${body.pmksCode} case outside your region: ask your supervisor before registering the person again`,
          { code: 'duplicate-case-elsewhere' },
        );
      }
      await temporal.workflow.executeUpdateWithStart(registeredUpdate, { startWorkflowOperation: start });
      return registrationWarnings(actor, open);
    });
    const row = await findVisibleCase(sql, actor, caseId);
    res
      .status(201)
      .location(`/api/cases/${caseId}`)
      .json({ ...presentCase(actor, row!, true), ...(warnings.length ? { warnings } : {}) });
  });

  router.get('/cases/:id', async (req, res) => {
    const actor = actorOf(res);
    const { id } = parseInput('params', caseIdParamsSchema, req.params);
    authorize(actor, 'case.list');
    const row = await visibleCase(sql, actor, id);
    const { tasks, referrals, pendingInterventions } = await caseParts(sql, id);
    await recordAuditorRead(sql, res, actor, { key: 'read', action: 'case.personal_data_read', entityType: 'case', entityId: id, caseId: id });
    res.json({
      ...presentCase(actor, row, true),
      openTasks: tasks.filter((t) => t.status === 'open').map(presentTask),
      tasks: tasks.map(presentTask),
      referrals,
      pendingInterventions,
    });
  });

  router.get('/cases/:id/timeline', async (req, res) => {
    const actor = actorOf(res);
    const { id } = parseInput('params', caseIdParamsSchema, req.params);
    const { lang } = parseInput('query', timelineQuerySchema, req.query);
    authorize(actor, 'case.list');
    await visibleCase(sql, actor, id);
    const timeline = await caseTimeline(sql, id, lang);
    await recordAuditorRead(sql, res, actor, { key: 'read:timeline', action: 'case.timeline_read', entityType: 'case', entityId: id, caseId: id });
    res.json(timeline);
  });

  router.get('/cases/:id/history', async (req, res) => {
    const actor = actorOf(res);
    const { id } = parseInput('params', caseIdParamsSchema, req.params);
    const row = await visibleCase(sql, actor, id);
    authorize(actor, 'case.history', row.desaCode);
    const history = await temporal.workflow.getHandle(row.workflowId).fetchHistory();
    await recordAuditorRead(sql, res, actor, { key: 'read:history', action: 'case.history_read', entityType: 'case', entityId: id, caseId: id });
    res.type('application/json').send(`{"workflowId":${JSON.stringify(row.workflowId)},"history":${historyToJSON(history)}}`);
  });

  return router;
}
