// Data-subject access (UU PDP): everything kesos-flow holds about one NIK, as JSON. Admin only,
// with a reason, and only once a second admin confirms: the call records the request (202); the
// requester downloads the export after the confirmation (POST /api/admin/privileged-requests/:id/export).
// The NIK travels in the body (never in a URL, which would reach logs).
import { Router } from 'express';
import type { Sql } from '../../db';
import { detailsWithTexts } from '../../db/auditTexts';
import { maskNik } from '../../domain/nik';
import { authorizedActor, parseInput } from '../http';
import { requestPrivileged } from '../privileged/requests';
import { dataSubjectExportBodySchema } from './schema';

/** Everything held about one NIK: each case with all its columns, its tasks, referrals and audit rows (texts joined back). */
export async function dataSubjectRecords(sql: Sql, nik: string) {
  const cases = await sql`SELECT * FROM cases WHERE nik = ${nik} ORDER BY created_at`;
  const ids = cases.map((c) => c.id as string);
  const none = ['00000000-0000-0000-0000-000000000000'];
  const [tasks, referrals, audit] = await Promise.all([
    sql`SELECT * FROM tasks WHERE case_id IN ${sql(ids.length ? ids : none)} ORDER BY created_at`,
    sql`SELECT * FROM referrals WHERE case_id IN ${sql(ids.length ? ids : none)} ORDER BY created_at`,
    sql`SELECT a.seq, a.at, a.actor_id, a.actor_role, a.action, a.entity_type, a.entity_id, a.case_id, ${detailsWithTexts(sql)} AS details
        FROM audit_log a WHERE a.case_id IN ${sql(ids.length ? ids : none)} ORDER BY a.seq`,
  ]);
  return {
    caseIds: ids,
    records: {
      generatedAt: new Date().toISOString(),
      nik,
      cases: cases.map((c) => ({
        ...c,
        tasks: tasks.filter((t) => t.caseId === c.id),
        referrals: referrals.filter((r) => r.caseId === c.id),
        audit: audit.filter((a) => a.caseId === c.id),
      })),
    },
  };
}

export function dataSubjectRoutes(sql: Sql): Router {
  const router = Router();
  router.post('/admin/data-subject-export', async (req, res) => {
    authorizedActor(res, 'data_subject.export');
    const { nik, reason } = parseInput('body', dataSubjectExportBodySchema, req.body);
    const request = await requestPrivileged(sql, res, { kind: 'data_subject_export', summary: { nik: maskNik(nik) }, payload: { nik }, reason });
    res.status(202).location(`/api/admin/privileged-requests/${request.id}`).json(request);
  });
  return router;
}
