// Data-subject access (UU PDP): everything kesos-flow holds about one NIK, as JSON. Admin only;
// the NIK travels in the body (never in a URL, which would reach logs) and the export is audited.
import { Router } from 'express';
import type { Sql } from '../../db';
import { authorizedActor, parseInput } from '../http';
import { recordRequestEvent } from '../requestAudit';
import { dataSubjectExportBodySchema } from './schema';

export function dataSubjectRoutes(sql: Sql): Router {
  const router = Router();
  router.post('/admin/data-subject-export', async (req, res) => {
    authorizedActor(res, 'data_subject.export');
    const { nik } = parseInput('body', dataSubjectExportBodySchema, req.body);
    const cases = await sql`SELECT * FROM cases WHERE nik = ${nik} ORDER BY created_at`;
    const ids = cases.map((c) => c.id as string);
    const none = ['00000000-0000-0000-0000-000000000000'];
    const [tasks, referrals, audit] = await Promise.all([
      sql`SELECT * FROM tasks WHERE case_id IN ${sql(ids.length ? ids : none)} ORDER BY created_at`,
      sql`SELECT * FROM referrals WHERE case_id IN ${sql(ids.length ? ids : none)} ORDER BY created_at`,
      sql`SELECT seq, at, actor_id, actor_role, action, entity_type, entity_id, case_id, details FROM audit_log WHERE case_id IN ${sql(ids.length ? ids : none)} ORDER BY seq`,
    ]);
    await recordRequestEvent(sql, res, { key: 'dsar', action: 'data_subject.exported', entityType: 'data_subject', entityId: `cases:${ids.length}`, details: { caseIds: ids } });
    res.json({
      generatedAt: new Date().toISOString(),
      nik,
      cases: cases.map((c) => ({
        ...c,
        tasks: tasks.filter((t) => t.caseId === c.id),
        referrals: referrals.filter((r) => r.caseId === c.id),
        audit: audit.filter((a) => a.caseId === c.id),
      })),
    });
  });
  return router;
}
