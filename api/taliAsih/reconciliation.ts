// Reconciliation of a period: per provinsi, approved = paid + pending, and the budget's paid
// column agrees with the paid components.
import { Router } from 'express';
import type { Sql } from '../../db';
import { authorizedActor, parseInput } from '../http';
import { reconciliationRows } from './queries';
import { periodQuerySchema, type Reconciliation } from './schema';

export function reconciliationRoutes(sql: Sql): Router {
  const router = Router();

  router.get('/tali-asih/reconciliation', async (req, res) => {
    const actor = authorizedActor(res, 'budget.read');
    const { period } = parseInput('query', periodQuerySchema, req.query);
    const { claims, budgets } = await reconciliationRows(sql, actor, period);
    const rows: Reconciliation[] = claims.map((r) => {
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
        budgetMatchesPayments: b ? Number(b.paid) === paid : paid === 0,
      };
    });
    res.json(rows);
  });

  return router;
}
