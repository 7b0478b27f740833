// GET /api/reports/summary: counts for the dashboard, scoped to the caller's region in SQL.
import { Router } from 'express';
import type { Sql } from '../../db';
import { can } from '../../domain/policy';
import { actorOf } from '../http';
import { HttpProblem } from '../problem';
import { caseScope } from '../cases/queries';

export function reportRoutes(sql: Sql): Router {
  const router = Router();
  router.get('/reports/summary', async (_req, res) => {
    const actor = actorOf(res);
    const d = can(actor, 'case.list');
    if (!d.ok) throw new HttpProblem(403, d.reason);
    const scope = caseScope(sql, actor);
    const count = (column: string) =>
      sql<{ key: string; count: number }[]>`SELECT ${sql(column)} AS key, count(*)::int AS count FROM cases c WHERE ${scope} GROUP BY 1 ORDER BY 2 DESC, 1`;
    const [byPmks, byStatus, byKecamatan, [tasks], [totals]] = await Promise.all([
      count('pmks_code'),
      count('status'),
      count('kecamatan_code'),
      sql`
        SELECT count(*) FILTER (WHERE t.status = 'open')::int AS open,
               count(*) FILTER (WHERE t.status = 'open' AND (t.overdue OR t.due_at < now()))::int AS overdue,
               count(*) FILTER (WHERE t.escalation_level > 0)::int AS sla_breaches
        FROM tasks t JOIN cases c ON c.id = t.case_id WHERE ${scope}`,
      sql`SELECT count(*)::int AS cases, count(*) FILTER (WHERE c.paused)::int AS paused FROM cases c WHERE ${scope}`,
    ]);
    res.json({
      generatedAt: new Date().toISOString(),
      cases: totals.cases,
      paused: totals.paused,
      byPmks,
      byStatus,
      byKecamatan,
      openTasks: tasks.open,
      overdueTasks: tasks.overdue,
      slaBreaches: tasks.slaBreaches,
    });
  });
  return router;
}
