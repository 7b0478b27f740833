// GET /api/reports/sembako: the Program Sembako figures of the dashboard, scoped to the caller's
// region in SQL: realisation per kecamatan in its latest monitored period (KPM served / listed,
// summed from the completed sembako_monitoring tasks of the period), card problems of those
// periods, complaints by category and the open ones by age, and open periods by status.
import type { Router } from 'express';
import type { Sql } from '../../db';
import { inRegion } from '../../db/regionScope';
import { authorizedActor } from '../http';
import { complaintInRegion } from '../complaints/queries';
import { COMPLAINT_AGE_BUCKETS, type SembakoReport } from './schema';

const PERIOD_REGION_COLUMNS = { provinsi: 'p.provinsi_code', kabupaten: 'p.kabupaten_code', kecamatan: 'p.kecamatan_code' } as const;
const OPEN = ['forwarding', 'awaiting_acknowledgement', 'awaiting_resolution', 'awaiting_confirmation'];

export function sembakoReportRoute(router: Router, sql: Sql): void {
  router.get('/reports/sembako', async (_req, res) => {
    const actor = authorizedActor(res, 'complaint.list');
    const periodScope = inRegion(sql, actor.regionCode, PERIOD_REGION_COLUMNS);
    const complaintScope = complaintInRegion(sql, actor);
    // Latest period per kecamatan with at least one completed monitoring task.
    const latest = sql`
      SELECT DISTINCT ON (p.kecamatan_code) p.id, p.period, p.kecamatan_code, p.status
      FROM sembako_periods p
      WHERE ${periodScope}
        AND EXISTS (SELECT 1 FROM tasks t WHERE t.workflow_id = p.id AND t.type = 'sembako_monitoring' AND t.status = 'completed')
      ORDER BY p.kecamatan_code, p.period DESC`;
    const [realisation, cardProblems, byCategory, byAge, periodsByStatus] = await Promise.all([
      sql<{ kecamatanCode: string; kecamatanName: string; period: string; status: string; pointsMonitored: number; kpmListed: number; kpmServed: number }[]>`
        WITH l AS (${latest})
        SELECT l.kecamatan_code, r.name AS kecamatan_name, l.period, l.status,
               count(t.id)::int AS points_monitored,
               coalesce(sum((t.data->>'kpmListed')::int), 0)::int AS kpm_listed,
               coalesce(sum((t.data->>'kpmServed')::int), 0)::int AS kpm_served
        FROM l JOIN regions r ON r.code = l.kecamatan_code
        JOIN tasks t ON t.workflow_id = l.id AND t.type = 'sembako_monitoring' AND t.status = 'completed'
        GROUP BY l.kecamatan_code, r.name, l.period, l.status ORDER BY r.name`,
      sql<{ bank: string; kind: string; count: number }[]>`
        WITH l AS (${latest})
        SELECT cp->>'bank' AS bank, cp->>'kind' AS kind, sum((cp->>'count')::int)::int AS count
        FROM l JOIN tasks t ON t.workflow_id = l.id AND t.type = 'sembako_monitoring' AND t.status = 'completed'
        CROSS JOIN LATERAL jsonb_array_elements(coalesce(t.data->'cardProblems', '[]'::jsonb)) cp
        GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
      sql<{ key: string; open: number; total: number }[]>`
        SELECT c.category AS key, count(*) FILTER (WHERE c.status IN ${sql(OPEN)})::int AS open, count(*)::int AS total
        FROM complaints c WHERE ${complaintScope} GROUP BY 1 ORDER BY 2 DESC, 3 DESC, 1`,
      sql<{ days: number; count: number }[]>`
        SELECT ((now() AT TIME ZONE 'Asia/Jakarta')::date - c.received_on) AS days, count(*)::int AS count
        FROM complaints c WHERE ${complaintScope} AND c.status IN ${sql(OPEN)} GROUP BY 1`,
      sql<{ key: string; count: number }[]>`
        SELECT p.status AS key, count(*)::int AS count FROM sembako_periods p
        WHERE ${periodScope} AND p.status <> 'verified' GROUP BY 1 ORDER BY 2 DESC, 1`,
    ]);
    const openComplaintsByAge = COMPLAINT_AGE_BUCKETS.map((b) => ({
      key: b.key,
      count: byAge.filter((r) => r.days >= b.from && (b.to === null || r.days <= b.to)).reduce((s, r) => s + r.count, 0),
    }));
    const report: SembakoReport = {
      generatedAt: new Date().toISOString(),
      realisation: realisation.map((r) => ({ ...r, rate: r.kpmListed ? Math.round((r.kpmServed / r.kpmListed) * 1000) / 1000 : null })),
      cardProblems,
      complaintsByCategory: byCategory,
      openComplaints: byCategory.reduce((s, r) => s + r.open, 0),
      openComplaintsByAge,
      openPeriodsByStatus: periodsByStatus,
    };
    res.json(report);
  });
}
