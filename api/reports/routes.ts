// GET /api/reports/summary: counts for the dashboard, scoped to the caller's region in SQL, and
// for supervisors and auditors the stipend totals of the last periods.
import { Router } from 'express';
import type { Sql } from '../../db';
import { decide } from '../../domain/access';
import { authorizedActor } from '../http';
import { caseScope } from '../cases/queries';
import { claimScope } from '../taliAsih/queries';
import type { ReportSummary } from './schema';
import { sembakoReportRoute } from './sembako';

// A cancelled payment's claim was approved and waits to be reissued (decision 0015).
const APPROVED = ['awaiting_budget', 'disbursing', 'payment_cancelled', 'paid'];

export function reportRoutes(sql: Sql): Router {
  const router = Router();
  router.get('/reports/summary', async (_req, res) => {
    const actor = authorizedActor(res, 'case.list');
    const scope = caseScope(sql, actor);
    const count = (column: string) =>
      sql<{ key: string; count: number }[]>`SELECT ${sql(column)} AS key, count(*)::int AS count FROM cases c WHERE ${scope} GROUP BY 1 ORDER BY 2 DESC, 1`;
    // A TKSK's own claims are on their tasks; the region's totals are for those who review them.
    const stipends = actor.role !== 'tksk' && decide(actor, 'claim.list').ok;
    const [byPmks, byStatus, byKecamatan, [tasks], [totals], overdueByType, stipendByPeriod] = await Promise.all([
      count('pmks_code'),
      count('status'),
      count('kecamatan_code'),
      sql`
        SELECT count(*) FILTER (WHERE t.status = 'open')::int AS open,
               count(*) FILTER (WHERE t.status = 'open' AND (t.overdue OR t.due_at < now()))::int AS overdue,
               count(*) FILTER (WHERE t.escalation_level > 0)::int AS sla_breaches
        FROM tasks t JOIN cases c ON c.id = t.case_id WHERE ${scope}`,
      sql`SELECT count(*)::int AS cases, count(*) FILTER (WHERE c.paused)::int AS paused FROM cases c WHERE ${scope}`,
      sql<{ key: string; count: number }[]>`
        SELECT t.type AS key, count(*)::int AS count FROM tasks t JOIN cases c ON c.id = t.case_id
        WHERE ${scope} AND t.status = 'open' AND (t.overdue OR t.due_at < now()) GROUP BY 1 ORDER BY 2 DESC, 1`,
      stipends
        ? sql<{ period: string; claims: number; claimed: string; approved: string; paid: string }[]>`
            SELECT c.period, count(*)::int AS claims, sum(c.total_amount) AS claimed,
                   coalesce(sum(c.total_amount) FILTER (WHERE c.status IN ${sql(APPROVED)}), 0) AS approved,
                   coalesce(sum(p.paid), 0) AS paid
            FROM tali_asih_claims c
            LEFT JOIN LATERAL (SELECT sum(amount) AS paid FROM tali_asih_components WHERE claim_id = c.id AND status = 'paid') p ON TRUE
            WHERE ${claimScope(sql, actor)} GROUP BY c.period ORDER BY c.period DESC LIMIT 12`
        : Promise.resolve(undefined),
    ]);
    const summary: ReportSummary = {
      generatedAt: new Date().toISOString(),
      cases: totals.cases,
      paused: totals.paused,
      byPmks,
      byStatus,
      byKecamatan,
      openTasks: tasks.open,
      overdueTasks: tasks.overdue,
      overdueByType,
      slaBreaches: tasks.slaBreaches,
      ...(stipendByPeriod
        ? {
            stipendByPeriod: stipendByPeriod
              .reverse()
              .map((p) => ({ period: p.period, claims: p.claims, claimed: Number(p.claimed), approved: Number(p.approved), paid: Number(p.paid) })),
          }
        : {}),
    };
    res.json(summary);
  });
  sembakoReportRoute(router, sql);
  return router;
}
