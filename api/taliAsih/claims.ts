// Tali asih claims: open one (starts taliAsihWorkflow), list with the filtered total, CSV, one claim.
import { Router } from 'express';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Sql } from '../../db';
import { assignmentAllowsClaim } from '../../db/taliAsihEligibility';
import { authorize } from '../../domain/access';
import { claimIdOf, claimPeriodProblem, type TaliAsihInput } from '../../domain/taliAsih';
import { claimOpenedUpdate, reissuePaymentUpdate } from '../../workflows/definitions';
import type { taliAsihWorkflow } from '../../workflows/taliAsih';
import { csvLine } from '../csv';
import { authorizedActor, parseInput } from '../http';
import { idempotent } from '../idempotency';
import { listRoute, whereOf } from '../list';
import { bodyFieldProblem, HttpProblem } from '../problem';
import { presentTask } from '../tasks/queries';
import { viaUpdate } from '../temporalErrors';
import { claimFrom, claimList, claimParts, claimScope, claimSelect, claimsTotalAmount, findClaims, findUser, presentClaim, rateExists } from './queries';
import { claimExportQuerySchema, claimIdParamsSchema, claimListQuerySchema, createClaimBodySchema, reissueBodySchema } from './schema';

const CSV_COLUMNS = ['id', 'tkskId', 'tkskName', 'period', 'status', 'kecamatanCode', 'fundingSource', 'totalAmount', 'paidAmount', 'rejectedReason'] as const;

export function claimRoutes(sql: Sql, temporal: Client, taskQueue: string): Router {
  const router = Router();
  const list = claimList(sql);

  router.post('/tali-asih/claims', idempotent(sql, 'claims.create'), async (req, res) => {
    const actor = authorizedActor(res, 'claim.create');
    const body = parseInput('body', createClaimBodySchema, req.body);
    const tkskId = body.tkskId ?? (actor.role === 'tksk' ? actor.id : undefined);
    if (!tkskId) throw bodyFieldProblem('tkskId', 'tkskId is required', 'required for supervisors');
    const tksk = await findUser(sql, tkskId);
    authorize(actor, 'claim.create', { tkskId });
    if (!tksk || tksk.role !== 'tksk' || tksk.disabled || !tksk.regionCode) throw bodyFieldProblem('tkskId', 'not an active TKSK', 'must be an active TKSK');
    authorize(actor, 'claim.create', { tkskId, regionCode: tksk.regionCode });
    const periodProblem = claimPeriodProblem(actor.role, body.period);
    if (periodProblem) throw bodyFieldProblem('period', periodProblem);
    if (!(await rateExists(sql, body.period)))
      throw bodyFieldProblem('period', `no tali asih rate is set for ${body.period}`, 'no rate is valid for this period');
    // Eligibility follows the TKSK assignment (db/taliAsihEligibility.ts); a TKSK with no assignment record as before.
    if (!(await assignmentAllowsClaim(sql, tkskId, body.period)))
      throw bodyFieldProblem(
        'period',
        `no TKSK assignment of ${tkskId} covers ${body.period} (after an assignment ends, tali asih stops after the last full month served)`,
        "outside the TKSK's assignment period",
      );
    const claimId = claimIdOf(tkskId, body.period);
    const input: TaliAsihInput = { claimId, tkskId, period: body.period, openedBy: actor };
    let handle;
    try {
      handle = await temporal.workflow.start<typeof taliAsihWorkflow>('taliAsihWorkflow', {
        workflowId: claimId,
        taskQueue,
        args: [input],
        // One claim per TKSK and period, ever (the unique constraint backs this up).
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError)
        throw new HttpProblem(409, `a claim for ${tkskId} and ${body.period} already exists`, { claimId });
      throw err;
    }
    await handle.executeUpdate(claimOpenedUpdate);
    const [row] = await findClaims(sql, sql`c.id = ${claimId}`);
    res.status(201).location(`/api/tali-asih/claims/${claimId}`).json(presentClaim(row));
  });

  router.get(
    '/tali-asih/claims',
    listRoute(sql, {
      action: 'claim.list',
      query: claimListQuerySchema,
      spec: list,
      source: (actor) => ({
        select: claimSelect(sql),
        from: claimFrom(sql),
        scope: [claimScope(sql, actor)],
        present: presentClaim,
        headers: async (fromWhere) => ({ 'X-Total-Amount': await claimsTotalAmount(sql, fromWhere) }),
      }),
    }),
  );

  router.get('/tali-asih/claims/export.csv', async (req, res) => {
    const actor = authorizedActor(res, 'claim.list');
    const q = parseInput('query', claimExportQuerySchema, req.query);
    const rows = await sql`${findClaims(sql, whereOf(sql, list.filters, q.filter, [claimScope(sql, actor)]))} ORDER BY c.period, c.id`;
    res.type('text/csv; charset=utf-8').attachment('tali-asih-claims.csv');
    res.send(`${CSV_COLUMNS.join(',')}\n${rows.map((r) => csvLine(CSV_COLUMNS, presentClaim(r))).join('')}`);
  });

  // A cancelled payment is reissued by the province once the account is fixed (decision 0015).
  router.post('/tali-asih/claims/:id/reissue', async (req, res) => {
    const actor = authorizedActor(res, 'claim.reissue');
    const { id } = parseInput('params', claimIdParamsSchema, req.params);
    const body = parseInput('body', reissueBodySchema, req.body);
    const [row] = await findClaims(sql, sql`c.id = ${id} AND ${claimScope(sql, actor)}`);
    if (!row) throw new HttpProblem(404, `no claim ${id} visible to you`);
    authorize(actor, 'claim.reissue', row.kecamatanCode);
    if (row.status !== 'payment_cancelled') throw new HttpProblem(409, `the claim is ${row.status}: only a cancelled payment is reissued`);
    const claim = await viaUpdate(() => temporal.workflow.getHandle(id).executeUpdate(reissuePaymentUpdate, { args: [{ actor, note: body.note }] }));
    res.json({ claim });
  });

  router.get('/tali-asih/claims/:id', async (req, res) => {
    const actor = authorizedActor(res, 'claim.list');
    const { id } = parseInput('params', claimIdParamsSchema, req.params);
    const [row] = await findClaims(sql, sql`c.id = ${id} AND ${claimScope(sql, actor)}`);
    if (!row) throw new HttpProblem(404, `no claim ${id} visible to you`);
    const { components, tasks, bankAccount } = await claimParts(sql, id);
    const [report] = await sql<{ id: string; approvedAt: Date; counts: Record<string, number> }[]>`
      SELECT id, approved_at, counts FROM monthly_reports WHERE tksk_id = ${row.tkskId} AND period = ${row.period} AND status = 'approved'`;
    res.json({
      monthlyReport: report ? { id: report.id, approvedAt: report.approvedAt.toISOString(), counts: report.counts } : null,
      ...presentClaim(row),
      bankAccount,
      components: components.map((c) => ({ ...c, amount: Number(c.amount) })),
      tasks: tasks.map(presentTask),
      openTasks: tasks.filter((t) => t.status === 'open').map(presentTask),
    });
  });

  return router;
}
