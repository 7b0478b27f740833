// Tali asih budgets: the allocations of the caller's provinsi per period and funding source, and
// setting one (provinsi supervisor), which wakes the claims waiting for it.
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { Sql } from '../../db';
import { budgetChangedSignal } from '../../workflows/definitions';
import { authorizedActor, parseInput } from '../http';
import { listRoute } from '../list';
import { HttpProblem } from '../problem';
import { appendRequestEvent } from '../requestAudit';
import { budgetList, budgetScope, claimsAwaitingBudget, lockBudgetCommitted, presentBudget, provinsiOf, upsertBudget, type BudgetKey } from './queries';
import { budgetBodySchema, budgetListQuerySchema } from './schema';

export function budgetRoutes(sql: Sql, temporal: Client): Router {
  const router = Router();

  router.get(
    '/tali-asih/budgets',
    listRoute(sql, {
      action: 'budget.read',
      query: budgetListQuerySchema,
      spec: budgetList(sql),
      source: (actor) => ({ select: sql`b.*`, from: sql`tali_asih_budgets b`, scope: [budgetScope(sql, actor)], present: presentBudget }),
    }),
  );

  router.put('/tali-asih/budgets', async (req, res) => {
    const actor = authorizedActor(res, 'budget.manage');
    const body = parseInput('body', budgetBodySchema, req.body);
    const key: BudgetKey = { provinsi: provinsiOf(actor)!, period: body.period, fundingSource: body.fundingSource };
    const row = await sql.begin(async (tx) => {
      const committed = await lockBudgetCommitted(tx, key);
      if (body.allocated < committed) throw new HttpProblem(409, `Rp ${committed} is already reserved or paid: the allocation cannot go below it`);
      const saved = await upsertBudget(tx, key, body.allocated);
      await appendRequestEvent(tx, res, {
        key: 'budget',
        action: 'tali_asih.budget_set',
        entityType: 'budget',
        entityId: `${key.provinsi}:${key.period}:${key.fundingSource}`,
        details: body,
      });
      return saved;
    });
    // Claims waiting for this budget re-check now instead of at their next timer.
    const waiting = await claimsAwaitingBudget(sql, key);
    await Promise.all(
      waiting.map((w) =>
        temporal.workflow
          .getHandle(w.id)
          .signal(budgetChangedSignal, {})
          .catch(() => undefined),
      ),
    );
    res.json({ ...presentBudget(row), nudged: waiting.length });
  });

  return router;
}
