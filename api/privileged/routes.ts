// The second admin's side of four-eyes: the requests (GET /api/admin/privileged-requests), the
// confirmation or refusal by an admin who did not ask (POST …/:id/confirm; only then is it done),
// and the requester's download of a confirmed data-subject export (POST …/:id/export, once).
import { Router } from 'express';
import type { Sql } from '../../db';
import { authorize } from '../../domain/access';
import { dataSubjectRecords } from '../dataSubjects/routes';
import { authorizedActor, parseInput } from '../http';
import { equalityFilters, listRoute, type ListSpec } from '../list';
import { HttpProblem } from '../problem';
import { appendRequestEvent } from '../requestAudit';
import { portalBase } from '../users/invitations';
import { checkAndApply, privilegedImportRows } from '../users/userImport';
import { createAccount, resetPassword, updateAccount, type AccountChanges, type NewAccount } from '../users/accounts';
import { auditDecision, expirePrivilegedRequests, presentPrivileged, type PrivilegedRow } from './requests';
import { confirmPrivilegedBodySchema, privilegedRequestIdParamsSchema, privilegedRequestListQuerySchema, type PrivilegedRequestListFilter } from './schema';

const list = (sql: Sql): ListSpec<'requestedAt', PrivilegedRequestListFilter> => ({
  resource: 'privileged-requests',
  sort: { requestedAt: 'p.requested_at' },
  defaultSort: ['requestedAt', 'DESC'],
  tieBreaker: 'p.id',
  filters: equalityFilters(sql, { status: 'p.status', kind: 'p.kind' }),
});

export function privilegedRoutes(sql: Sql): Router {
  const router = Router();

  router.get(
    '/admin/privileged-requests',
    async (_req, res, next) => {
      authorizedActor(res, 'user.manage');
      await expirePrivilegedRequests(sql);
      next();
    },
    listRoute(sql, {
      action: 'user.manage',
      query: privilegedRequestListQuerySchema,
      spec: list(sql),
      source: () => ({ select: sql`p.*`, from: sql`privileged_requests p`, present: (r: PrivilegedRow) => presentPrivileged(r) }),
    }),
  );

  router.post('/admin/privileged-requests/:id/confirm', async (req, res) => {
    const actor = authorizedActor(res, 'privileged.confirm');
    const { id } = parseInput('params', privilegedRequestIdParamsSchema, req.params);
    const { approve } = parseInput('body', confirmPrivilegedBodySchema, req.body ?? {});
    await expirePrivilegedRequests(sql);
    const answer = await sql.begin(async (tx) => {
      const [row] = await tx<PrivilegedRow[]>`SELECT * FROM privileged_requests WHERE id = ${id} FOR UPDATE`;
      if (!row) throw new HttpProblem(404, `no privileged request ${id}`);
      authorize(actor, 'privileged.confirm', { requestedBy: row.requestedBy });
      if (row.status !== 'pending') throw new HttpProblem(409, `the request is ${row.status}`, { code: 'request-decided', requestStatus: row.status });
      // An export waits for its requester's download; the rest is done now.
      const status = !approve ? 'declined' : row.kind === 'data_subject_export' ? 'confirmed' : 'done';
      await auditDecision(tx, res, row, approve);
      let result: unknown;
      if (approve) {
        const confirmation = { requestId: row.id, requestedBy: row.requestedBy, reason: row.reason };
        const p = row.payload;
        if (row.kind === 'user_create') result = await createAccount(tx, res, p as unknown as NewAccount, confirmation);
        if (row.kind === 'user_update') result = await updateAccount(tx, res, row.targetUserId!, p.changes as AccountChanges, confirmation);
        if (row.kind === 'password_reset') await resetPassword(tx, res, row.targetUserId!, p.passwordHash as string, confirmation);
        // The same check and apply as the requester's call, on the rows they sent: the accounts may have changed since (409 then).
        if (row.kind === 'user_import')
          result = (
            await checkAndApply(tx, res, privilegedImportRows(p.rows as string[][]), {
              dryRun: false,
              portalBase: portalBase(req),
              confirmation,
            })
          ).report;
      }
      const [decided] = await tx<PrivilegedRow[]>`
        UPDATE privileged_requests SET status = ${status}, decided_by = ${actor.id}, decided_at = now(),
               payload = ${status === 'confirmed' ? tx`payload` : tx`'{}'::jsonb`}
        WHERE id = ${id} RETURNING *`;
      return presentPrivileged(decided, result);
    });
    res.json(answer);
  });

  router.post('/admin/privileged-requests/:id/export', async (req, res) => {
    const actor = authorizedActor(res, 'data_subject.export');
    const { id } = parseInput('params', privilegedRequestIdParamsSchema, req.params);
    await expirePrivilegedRequests(sql);
    const [row] = await sql<PrivilegedRow[]>`SELECT * FROM privileged_requests WHERE id = ${id} AND kind = 'data_subject_export'`;
    if (!row) throw new HttpProblem(404, `no data-subject export request ${id}`);
    if (row.requestedBy !== actor.id) throw new HttpProblem(403, 'only the admin who asked for the export downloads it');
    if (row.status !== 'confirmed')
      throw new HttpProblem(409, row.status === 'pending' ? 'the export waits for a second admin' : `the request is ${row.status}`, {
        requestStatus: row.status,
      });
    const { caseIds, records } = await dataSubjectRecords(sql, row.payload.nik as string);
    await sql.begin(async (tx) => {
      // Once: the NIK leaves the request with the download.
      const taken = await tx`UPDATE privileged_requests SET status = 'done', payload = '{}' WHERE id = ${id} AND status = 'confirmed' RETURNING id`;
      if (!taken.length) throw new HttpProblem(409, 'the export was downloaded already');
      await appendRequestEvent(tx, res, {
        key: 'dsar',
        action: 'data_subject.exported',
        entityType: 'data_subject',
        entityId: `cases:${caseIds.length}`,
        details: { caseIds, requestId: row.id, confirmedBy: row.decidedBy, reason: row.reason },
      });
    });
    res.json(records);
  });

  return router;
}
