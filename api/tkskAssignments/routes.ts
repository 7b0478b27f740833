// TKSK assignments (docs/tksk-assignment.md): recording an SK starts (or, for a TKSK whose
// workflow runs, continues) tkskAssignmentWorkflow `assignment-<userId>`; the end action; the
// roster of a region with its status words, the vacant kecamatan, one TKSK's assignments with
// their timeline (the audit rows of each).
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { WithStartWorkflowOperation, WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Sql } from '../../db';
import { inRegion } from '../../db/regionScope';
import { authorize } from '../../domain/access';
import { regionChain, regionCovers } from '../../domain/regions';
import { assignmentWorkflowIdOf, ENDING_SOON_DAYS, type AssignmentInput, type AssignmentPeriod } from '../../domain/tkskAssignment';
import { SA, tkskAssignmentActionUpdate, tkskAssignmentRecordedUpdate, tkskAssignmentSnapshotQuery } from '../../workflows/definitions';
import type { tkskAssignmentWorkflow } from '../../workflows/tkskAssignment';
import { actorOf, authorizedActor, parseInput } from '../http';
import { listRoute, oneOrMany, tableList } from '../list';
import { bodyFieldProblem, HttpProblem } from '../problem';
import { viaUpdate } from '../temporalErrors';
import {
  assignmentBodySchema,
  assignmentListQuerySchema,
  assignmentUserParamsSchema,
  endAssignmentBodySchema,
  vacancyListQuerySchema,
  type AssignmentListFilter,
  type AssignmentSortField,
  type VacancyListFilter,
  type VacancySortField,
} from './schema';

interface AssignmentRow {
  id: string;
  assignmentId: string;
  userId: string;
  displayName: string;
  skNumber: string;
  skDate: Date;
  kecamatanCode: string;
  kecamatanName: string;
  kabupatenCode: string;
  startDate: Date;
  endDate: Date;
  status: string;
  rosterStatus: string;
  outcome: string | null;
  endReason: string | null;
  endedOn: Date | null;
  successorId: string | null;
  evaluation: unknown;
  updatedAt: Date;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const present = (r: AssignmentRow) => ({
  id: r.id,
  assignmentId: r.assignmentId,
  userId: r.userId,
  displayName: r.displayName,
  skNumber: r.skNumber,
  skDate: day(r.skDate),
  kecamatanCode: r.kecamatanCode,
  kecamatanName: r.kecamatanName,
  kabupatenCode: r.kabupatenCode,
  startDate: day(r.startDate),
  endDate: day(r.endDate),
  status: r.status,
  rosterStatus: r.rosterStatus,
  outcome: r.outcome,
  endReason: r.endReason,
  endedOn: day(r.endedOn),
  successorId: r.successorId,
  updatedAt: r.updatedAt.toISOString(),
});

const REGION_COLUMNS = { provinsi: 'a.provinsi_code', kabupaten: 'a.kabupaten_code', kecamatan: 'a.kecamatan_code' } as const;

export function tkskAssignmentRoutes(sql: Sql, temporal: Client, taskQueue: string): Router {
  const router = Router();

  // Each row of tksk_assignments with the roster's status word (in Jakarta's today).
  const assignments = sql`(
    SELECT t.*, t.id AS assignment_id, u.display_name, coalesce(r.name, t.kecamatan_code) AS kecamatan_name,
      CASE WHEN t.status = 'ended' THEN 'ended'
           WHEN t.status = 'scheduled' THEN 'scheduled'
           WHEN t.status = 'ending' OR t.end_date < (now() AT TIME ZONE 'Asia/Jakarta')::date + ${ENDING_SOON_DAYS}::int THEN 'ending_soon'
           ELSE 'active' END AS roster_status
    FROM tksk_assignments t JOIN users u ON u.id = t.user_id LEFT JOIN regions r ON r.code = t.kecamatan_code)`;

  router.post('/tksk-assignments', async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'tksk_assignment.manage');
    const body = parseInput('body', assignmentBodySchema, req.body);
    const [user] = await sql<{ role: string; regionCode: string | null }[]>`SELECT role, region_code FROM users WHERE id = ${body.userId}`;
    if (!user || user.role !== 'tksk') throw bodyFieldProblem('userId', 'userId must be a TKSK account', 'must be a TKSK account');
    if (user.regionCode !== body.kecamatanCode)
      throw bodyFieldProblem('kecamatanCode', `the TKSK's region is ${user.regionCode ?? 'none'}`, "must be the TKSK's own kecamatan");
    const [kec] = await sql`SELECT 1 FROM regions WHERE code = ${body.kecamatanCode} AND level = 'kecamatan' AND retired_in IS NULL`;
    if (!kec) throw bodyFieldProblem('kecamatanCode', `${body.kecamatanCode} is not a current kecamatan code`, 'must be a current kecamatan code');
    authorize(actor, 'tksk_assignment.manage', body.kecamatanCode);
    const chain = regionChain(body.kecamatanCode);
    const period: AssignmentPeriod = {
      assignmentId: randomUUID(),
      skNumber: body.skNumber,
      skDate: body.skDate,
      kecamatanCode: body.kecamatanCode,
      kabupatenCode: chain.kabupaten!,
      provinsiCode: chain.provinsi!,
      startDate: body.startDate,
      endDate: body.endDate,
    };
    const workflowId = assignmentWorkflowIdOf(body.userId);
    const handle = temporal.workflow.getHandle(workflowId);
    const running = await handle.describe().then(
      (d) => d.status.name === 'RUNNING',
      (err) => {
        if (err instanceof WorkflowNotFoundError) return false;
        throw err;
      },
    );
    if (running) {
      // A new SK for a TKSK whose assignment runs: the same workflow continues (after a renewal).
      const snapshot = await viaUpdate(() => handle.executeUpdate(tkskAssignmentActionUpdate, { args: [{ action: 'new_sk', actor, period }] }));
      res.status(201).location(`/api/tksk-assignments/${body.userId}`).json(snapshot);
      return;
    }
    const input: AssignmentInput = { userId: body.userId, period, requestedBy: actor, requestedAt: new Date().toISOString() };
    const start = new WithStartWorkflowOperation<typeof tkskAssignmentWorkflow>('tkskAssignmentWorkflow', {
      workflowId,
      taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      typedSearchAttributes: [
        { key: SA.kecamatanCode, value: period.kecamatanCode },
        { key: SA.kabupatenCode, value: period.kabupatenCode },
      ],
    });
    const snapshot = await temporal.workflow.executeUpdateWithStart(tkskAssignmentRecordedUpdate, { startWorkflowOperation: start });
    res.status(201).location(`/api/tksk-assignments/${body.userId}`).json(snapshot);
  });

  router.post('/tksk-assignments/:userId/actions/end', async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'tksk_assignment.manage');
    const { userId } = parseInput('params', assignmentUserParamsSchema, req.params);
    const body = parseInput('body', endAssignmentBodySchema, req.body);
    const [current] = await sql<
      { kecamatanCode: string }[]
    >`SELECT kecamatan_code FROM tksk_assignments WHERE user_id = ${userId} ORDER BY start_date DESC, created_at DESC LIMIT 1`;
    if (!current || !regionCovers(actor.regionCode, current.kecamatanCode)) throw new HttpProblem(404, `no assignment of ${userId} in your region`);
    authorize(actor, 'tksk_assignment.manage', current.kecamatanCode);
    if (body.successorId) {
      const [s] =
        await sql`SELECT 1 FROM users WHERE id = ${body.successorId} AND role = 'tksk' AND NOT disabled AND region_code = ${current.kecamatanCode} AND id <> ${userId}`;
      if (!s) throw bodyFieldProblem('successorId', 'successorId must be another active TKSK of the kecamatan', 'must be another active TKSK of the kecamatan');
    }
    const handle = temporal.workflow.getHandle(assignmentWorkflowIdOf(userId));
    // The evaluation's appraisers decide its outcome: an end action waits until they are done. The
    // workflow's validator refuses it too (it holds the state); both answer the same problem.
    const evaluationOpen = async () =>
      handle.query(tkskAssignmentSnapshotQuery).then(
        (s) => s.status === 'evaluation',
        () => false,
      );
    const refusal = () =>
      new HttpProblem(409, `the yearly evaluation of ${userId} is open: its appraisers decide the outcome; end the assignment after it`, {
        code: 'assignment-evaluation-open',
      });
    if (await evaluationOpen()) throw refusal();
    try {
      const snapshot = await viaUpdate(() =>
        handle.executeUpdate(tkskAssignmentActionUpdate, {
          args: [{ action: 'end', actor, reason: body.reason, endDate: body.endDate, successorId: body.successorId ?? null }],
        }),
      );
      res.json(snapshot);
    } catch (err) {
      // The evaluation opened between the check and the Update.
      if (err instanceof HttpProblem && err.status === 409 && (await evaluationOpen())) throw refusal();
      throw err;
    }
  });

  router.get(
    '/tksk-assignments',
    listRoute(sql, {
      action: 'tksk_assignment.read',
      query: assignmentListQuerySchema,
      spec: tableList<AssignmentSortField, AssignmentListFilter>(sql, 'a', {
        resource: 'tksk-assignments',
        sort: ['endDate', 'startDate', 'kecamatanCode', 'updatedAt'],
        defaultSort: ['endDate', 'ASC'],
        equal: ['kabupatenCode', 'kecamatanCode', 'rosterStatus'],
        filters: { id: (v: string | string[]) => sql`a.rid IN ${sql(oneOrMany(v))}` },
      }),
      // The roster: each TKSK's latest assignment; its id is the TKSK's user id.
      source: (actor) => ({
        select: sql`a.*`,
        from: sql`(SELECT DISTINCT ON (x.user_id) x.*, x.user_id AS rid FROM ${assignments} x ORDER BY x.user_id, x.start_date DESC, x.created_at DESC) a`,
        scope: [inRegion(sql, actor.regionCode, REGION_COLUMNS)],
        present: (r: AssignmentRow & { rid: string }) => present({ ...r, id: r.rid }),
      }),
    }),
  );

  router.get(
    '/tksk-assignments/vacancies',
    listRoute(sql, {
      action: 'tksk_assignment.read',
      query: vacancyListQuerySchema,
      spec: tableList<VacancySortField, VacancyListFilter>(sql, 'v', {
        resource: 'tksk-vacancies',
        sort: ['code', 'name'],
        defaultSort: ['code', 'ASC'],
        equal: [],
        filters: { kabupatenCode: (k: string) => sql`v.parent_code = ${k}` },
      }),
      source: (actor) => ({
        select: sql`v.code AS id, v.code, v.name, v.parent_code AS kabupaten_code`,
        from: sql`(SELECT r.code, r.name, r.parent_code, r.code AS id FROM regions r
                   WHERE r.level = 'kecamatan' AND r.retired_in IS NULL
                     AND NOT EXISTS (SELECT 1 FROM tksk_assignments t WHERE t.kecamatan_code = r.code AND t.status NOT IN ('ended', 'scheduled'))) v`,
        scope: [inRegion(sql, actor.regionCode, 'v.code')],
        present: (r: { id: string; code: string; name: string; kabupatenCode: string }) => r,
      }),
    }),
  );

  router.get('/tksk-assignments/:userId', async (req, res) => {
    const actor = authorizedActor(res, 'tksk_assignment.read');
    const { userId } = parseInput('params', assignmentUserParamsSchema, req.params);
    const rows = await sql<AssignmentRow[]>`
      SELECT a.* FROM ${assignments} a WHERE a.user_id = ${userId} AND ${inRegion(sql, actor.regionCode, REGION_COLUMNS)} ORDER BY a.start_date, a.created_at`;
    if (!rows.length) throw new HttpProblem(404, `no assignment of ${userId} in your region`);
    const timeline = await sql<
      { at: Date; action: string; actorId: string | null; actorRole: string | null; entityId: string; details: Record<string, unknown> }[]
    >`
      SELECT at, action, actor_id, actor_role, entity_id, details FROM audit_log
      WHERE entity_type = 'tksk_assignment' AND entity_id IN ${sql(rows.map((r) => r.assignmentId))} ORDER BY seq`;
    let live: unknown = null;
    try {
      live = await temporal.workflow.getHandle(assignmentWorkflowIdOf(userId)).query(tkskAssignmentSnapshotQuery);
    } catch {
      live = null;
    }
    const latest = rows[rows.length - 1];
    res.json({
      ...present({ ...latest, id: userId }),
      workflow: live,
      assignments: rows.map((r) => ({ ...present({ ...r, id: r.assignmentId }), evaluation: r.evaluation })),
      timeline: timeline.map((t) => ({
        at: t.at.toISOString(),
        action: t.action,
        actorId: t.actorId,
        actorRole: t.actorRole,
        assignmentId: t.entityId,
        details: t.details,
      })),
    });
  });

  return router;
}
