// Tali asih claims, budgets, finance views and reconciliation (PRODUCT.md §3.2).
import { Router } from 'express';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Sql } from '../../db';
import { appendAudit } from '../../db/audit';
import { authorize } from '../../domain/access';
import type { Actor } from '../../domain/roles';
import { claimIdOf, type TaliAsihInput } from '../../domain/taliAsih';
import { budgetChangedSignal, claimOpenedUpdate } from '../../workflows/definitions';
import type { taliAsihWorkflow } from '../../workflows/taliAsih';
import { authorizedActor, parseInput } from '../http';
import { sendList } from '../list';
import { idempotent } from '../idempotency';
import { HttpProblem } from '../problem';
import { presentTask, type TaskRow } from '../tasks/queries';
import { budgetBodySchema, budgetListQuerySchema, claimExportQuerySchema, claimIdParamsSchema, claimListQuerySchema, createClaimBodySchema, periodQuerySchema } from './schema';

const SORT = { createdAt: 'created_at', updatedAt: 'updated_at', period: 'period', status: 'status', totalAmount: 'total_amount' } as const;

/** A TKSK sees their own claims; others the claims of their region. */
export function claimScope(sql: Sql, actor: Actor) {
  if (actor.role === 'tksk') return sql`c.tksk_id = ${actor.id}`;
  if (actor.regionCode === null) return sql`TRUE`;
  return sql`(c.kecamatan_code LIKE ${`${actor.regionCode}.%`} OR c.kecamatan_code = ${actor.regionCode})`;
}

const presentClaim = (c: Record<string, any>) => ({
  id: c.id,
  tkskId: c.tkskId,
  tkskName: c.tkskName,
  period: c.period,
  status: c.status,
  kecamatanCode: c.kecamatanCode,
  kabupatenCode: c.kabupatenCode,
  provinsiCode: c.provinsiCode,
  fundingSource: c.fundingSource,
  activity: c.activity,
  narrative: c.narrative,
  totalAmount: Number(c.totalAmount),
  paidAmount: Number(c.paidAmount ?? 0),
  rejectedReason: c.rejectedReason,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export function taliAsihRoutes(sql: Sql, temporal: Client, taskQueue: string): Router {
  const router = Router();

  const listWhere = (actor: Actor, f: NonNullable<ReturnType<typeof claimListQuerySchema.parse>['filter']>) => {
    const conds = [claimScope(sql, actor)];
    if (f.id !== undefined) conds.push(sql`c.id IN ${sql(Array.isArray(f.id) ? f.id : [f.id])}`);
    if (f.period) conds.push(sql`c.period = ${f.period}`);
    if (f.status) conds.push(sql`c.status = ${f.status}`);
    if (f.tkskId) conds.push(sql`c.tksk_id = ${f.tkskId}`);
    if (f.kabupatenCode) conds.push(sql`c.kabupaten_code = ${f.kabupatenCode}`);
    return conds.reduce((a, b) => sql`${a} AND ${b}`);
  };
  const claimsQuery = (w: ReturnType<typeof listWhere>) => sql`
    SELECT c.*, u.display_name AS tksk_name,
           (SELECT coalesce(sum(amount), 0) FROM tali_asih_components p WHERE p.claim_id = c.id AND p.status = 'paid') AS paid_amount
    FROM tali_asih_claims c JOIN users u ON u.id = c.tksk_id WHERE ${w}`;

  router.post('/tali-asih/claims', idempotent(sql, 'claims.create'), async (req, res) => {
    const actor = authorizedActor(res, 'claim.create');
    const body = parseInput('body', createClaimBodySchema, req.body);
    const tkskId = body.tkskId ?? (actor.role === 'tksk' ? actor.id : undefined);
    if (!tkskId) throw new HttpProblem(422, 'tkskId is required', { errors: [{ path: ['body', 'tkskId'], pointer: '/body/tkskId', message: 'required for supervisors', code: 'custom' }] });
    const [tksk] = await sql<{ role: string; regionCode: string | null; disabled: boolean }[]>`SELECT role, region_code, disabled FROM users WHERE id = ${tkskId}`;
    authorize(actor, 'claim.create', { tkskId });
    if (!tksk || tksk.role !== 'tksk' || tksk.disabled || !tksk.regionCode) {
      throw new HttpProblem(422, 'not an active TKSK', { errors: [{ path: ['body', 'tkskId'], pointer: '/body/tkskId', message: 'must be an active TKSK', code: 'custom' }] });
    }
    authorize(actor, 'claim.create', { tkskId, regionCode: tksk.regionCode });
    const [rate] = await sql`SELECT 1 FROM tali_asih_rates WHERE valid_from <= ${`${body.period}-01`}::date AND (valid_to IS NULL OR valid_to >= ${`${body.period}-01`}::date)`;
    if (!rate) throw new HttpProblem(422, `no tali asih rate is set for ${body.period}`, { errors: [{ path: ['body', 'period'], pointer: '/body/period', message: 'no rate is valid for this period', code: 'custom' }] });
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
      if (err instanceof WorkflowExecutionAlreadyStartedError) throw new HttpProblem(409, `a claim for ${tkskId} and ${body.period} already exists`, { claimId });
      throw err;
    }
    await handle.executeUpdate(claimOpenedUpdate);
    const [row] = await claimsQuery(sql`c.id = ${claimId}`);
    res.status(201).location(`/api/tali-asih/claims/${claimId}`).json(presentClaim(row));
  });

  router.get('/tali-asih/claims', async (req, res) => {
    const actor = authorizedActor(res, 'claim.list');
    const q = parseInput('query', claimListQuerySchema, req.query);
    const [field, dir] = q.sort ?? ['createdAt', 'DESC'];
    const [first, last] = q.range ?? [0, 24];
    const w = listWhere(actor, q.filter ?? {});
    const rows = await sql`
      SELECT x.*, count(*) OVER () AS total, sum(x.total_amount) OVER () AS sum_total FROM (${claimsQuery(w)}) x
      ORDER BY ${sql.unsafe(`x.${SORT[field]} ${dir === 'ASC' ? 'ASC' : 'DESC'}`)}, x.id LIMIT ${last - first + 1} OFFSET ${first}`;
    // The filtered list's total amount, for finance views.
    res.setHeader('X-Total-Amount', rows.length ? String(rows[0].sumTotal) : '0');
    sendList(res, 'claims', rows.map(presentClaim), first, rows.length ? Number(rows[0].total) : 0);
  });

  router.get('/tali-asih/claims/export.csv', async (req, res) => {
    const actor = authorizedActor(res, 'claim.list');
    const q = parseInput('query', claimExportQuerySchema, req.query);
    const rows = await sql`${claimsQuery(listWhere(actor, q.filter ?? {}))} ORDER BY c.period, c.id`;
    const cols = ['id', 'tkskId', 'tkskName', 'period', 'status', 'kecamatanCode', 'fundingSource', 'totalAmount', 'paidAmount', 'rejectedReason'] as const;
    const cell = (v: unknown) => `"${String(v ?? '').replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"`;
    res.type('text/csv; charset=utf-8').attachment('tali-asih-claims.csv');
    res.send([cols.join(','), ...rows.map((r) => cols.map((c) => cell(presentClaim(r)[c])).join(','))].join('\n') + '\n');
  });

  router.get('/tali-asih/claims/:id', async (req, res) => {
    const actor = authorizedActor(res, 'claim.list');
    const { id } = parseInput('params', claimIdParamsSchema, req.params);
    const [row] = await claimsQuery(sql`c.id = ${id} AND ${claimScope(sql, actor)}`);
    if (!row) throw new HttpProblem(404, `no claim ${id} visible to you`);
    const components = await sql`SELECT component, label, amount, status, payment_ref, paid_at, failure FROM tali_asih_components WHERE claim_id = ${id} ORDER BY component`;
    const tasks = await sql<TaskRow[]>`SELECT * FROM tasks WHERE workflow_id = ${id} ORDER BY created_at`;
    res.json({
      ...presentClaim(row),
      components: components.map((c) => ({ ...c, amount: Number(c.amount) })),
      tasks: tasks.map(presentTask),
      openTasks: tasks.filter((t) => t.status === 'open').map(presentTask),
    });
  });

  router.get('/tali-asih/budgets', async (req, res) => {
    const actor = authorizedActor(res, 'budget.read');
    const q = parseInput('query', budgetListQuerySchema, req.query);
    const f = q.filter ?? {};
    const prov = actor.regionCode?.split('.')[0];
    const conds = [prov ? sql`provinsi_code = ${prov}` : sql`TRUE`];
    if (f.period) conds.push(sql`period = ${f.period}`);
    if (f.fundingSource) conds.push(sql`funding_source = ${f.fundingSource}`);
    const rows = await sql`SELECT * FROM tali_asih_budgets WHERE ${conds.reduce((a, b) => sql`${a} AND ${b}`)} ORDER BY period DESC, funding_source`;
    const present = rows.map((b) => ({
      id: `${b.provinsiCode}:${b.period}:${b.fundingSource}`,
      provinsiCode: b.provinsiCode,
      period: b.period,
      fundingSource: b.fundingSource,
      allocated: Number(b.allocated),
      reserved: Number(b.reserved),
      paid: Number(b.paid),
      available: Number(b.allocated) - Number(b.reserved) - Number(b.paid),
    }));
    sendList(res, 'budgets', present, 0, present.length);
  });

  router.put('/tali-asih/budgets', async (req, res) => {
    const actor = authorizedActor(res, 'budget.manage');
    const body = parseInput('body', budgetBodySchema, req.body);
    const provinsi = actor.regionCode!.split('.')[0];
    const [row] = await sql.begin(async (tx) => {
      const [current] = await tx<{ reserved: string; paid: string }[]>`
        SELECT reserved, paid FROM tali_asih_budgets WHERE provinsi_code = ${provinsi} AND period = ${body.period} AND funding_source = ${body.fundingSource} FOR UPDATE`;
      const committed = current ? Number(current.reserved) + Number(current.paid) : 0;
      if (body.allocated < committed) throw new HttpProblem(409, `Rp ${committed} is already reserved or paid: the allocation cannot go below it`);
      const saved = await tx`
        INSERT INTO tali_asih_budgets (provinsi_code, period, funding_source, allocated) VALUES (${provinsi}, ${body.period}, ${body.fundingSource}, ${body.allocated})
        ON CONFLICT (provinsi_code, period, funding_source) DO UPDATE SET allocated = EXCLUDED.allocated, updated_at = now()
        RETURNING *`;
      await appendAudit(tx, {
        eventKey: `budget:${res.locals.requestId}`,
        at: new Date(),
        actorId: actor.id,
        actorRole: actor.role,
        action: 'tali_asih.budget_set',
        entityType: 'budget',
        entityId: `${provinsi}:${body.period}:${body.fundingSource}`,
        caseId: null,
        details: body,
      });
      return saved;
    });
    // Claims waiting for this budget re-check now instead of at their next timer.
    const waiting = await sql<{ id: string }[]>`
      SELECT id FROM tali_asih_claims WHERE provinsi_code = ${provinsi} AND period = ${body.period} AND funding_source = ${body.fundingSource} AND status = 'awaiting_budget'`;
    await Promise.all(waiting.map((w) => temporal.workflow.getHandle(w.id).signal(budgetChangedSignal).catch(() => undefined)));
    res.json({
      id: `${row.provinsiCode}:${row.period}:${row.fundingSource}`,
      provinsiCode: row.provinsiCode,
      period: row.period,
      fundingSource: row.fundingSource,
      allocated: Number(row.allocated),
      reserved: Number(row.reserved),
      paid: Number(row.paid),
      nudged: waiting.length,
    });
  });

  /** Approved = paid + pending, per provinsi, for a period. */
  router.get('/tali-asih/reconciliation', async (req, res) => {
    const actor = authorizedActor(res, 'budget.read');
    const { period } = parseInput('query', periodQuerySchema, req.query);
    const prov = actor.regionCode?.split('.')[0];
    const rows = await sql`
      SELECT c.provinsi_code,
             coalesce(sum(p.amount) FILTER (WHERE c.status IN ('awaiting_budget', 'disbursing', 'paid')), 0) AS approved,
             coalesce(sum(p.amount) FILTER (WHERE p.status = 'paid'), 0) AS paid,
             coalesce(sum(p.amount) FILTER (WHERE c.status IN ('awaiting_budget', 'disbursing', 'paid') AND p.status IN ('pending', 'reserved', 'failed')), 0) AS pending,
             count(DISTINCT c.id) FILTER (WHERE c.status = 'paid') AS claims_paid,
             count(DISTINCT c.id) FILTER (WHERE c.status IN ('report', 'verification', 'approval')) AS claims_in_review
      FROM tali_asih_claims c JOIN tali_asih_components p ON p.claim_id = c.id
      WHERE c.period = ${period} AND ${prov ? sql`c.provinsi_code = ${prov}` : sql`TRUE`}
      GROUP BY c.provinsi_code ORDER BY c.provinsi_code`;
    const budgets = await sql`
      SELECT provinsi_code, sum(allocated) AS allocated, sum(reserved) AS reserved, sum(paid) AS paid FROM tali_asih_budgets
      WHERE period = ${period} AND ${prov ? sql`provinsi_code = ${prov}` : sql`TRUE`} GROUP BY provinsi_code`;
    res.json(
      rows.map((r) => {
        const b = budgets.find((x) => x.provinsiCode === r.provinsiCode);
        const approved = Number(r.approved);
        const paid = Number(r.paid);
        const pending = Number(r.pending);
        return {
          provinsiCode: r.provinsiCode,
          period,
          approved,
          paid,
          pending,
          balanced: approved === paid + pending,
          claimsPaid: Number(r.claimsPaid),
          claimsInReview: Number(r.claimsInReview),
          budget: b ? { allocated: Number(b.allocated), reserved: Number(b.reserved), paid: Number(b.paid) } : null,
          // The budget's paid column must agree with the paid components.
          budgetMatchesPayments: b ? Number(b.paid) === paid : paid === 0,
        };
      }),
    );
  });

  return router;
}
