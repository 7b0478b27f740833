// Supervisor interventions on a running case: POST /api/cases/:id/actions/:action, each a
// Temporal Update validated again by the case workflow; bulk reassignment as its own workflow.
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { Sql } from '../../db';
import { caseSettingsFor } from '../../db/settings';
import { bulkReassignBodySchema, type BulkReassignInput } from '../../domain/bulk';
import { interventionBodySchemas } from '../../domain/interventions';
import { authorize, decide } from '../../domain/access';
import type { Actor } from '../../domain/roles';
import { bulkStatusQuery, confirmBulkUpdate, confirmInterventionUpdate, interveneUpdate } from '../../workflows/definitions';
import type { bulkReassignWorkflow } from '../../workflows/bulkReassign';
import { actorOf, parseInput } from '../http';
import { bodyFieldProblem, HttpProblem } from '../problem';
import { viaUpdate } from '../temporalErrors';
import { visibleCase } from './queries';
import { extendedByWorkingDays } from '../tasks/queries';
import { actionParamsSchema, bulkConfirmBodySchema, bulkIdParamsSchema, caseIdParamsSchema, confirmBodySchema } from './schema';

async function assigneeOf(sql: Sql, userId: string) {
  const [u] = await sql<{ id: string; role: string; regionCode: string | null; disabled: boolean }[]>`
    SELECT id, role, region_code, disabled FROM users WHERE id = ${userId}`;
  return u;
}

async function requireCaseFor(sql: Sql, actor: Actor, id: string, action: string) {
  const row = await visibleCase(sql, actor, id);
  authorize(actor, 'case.intervene', { intervention: action, kecamatanCode: row.kecamatanCode, assigneeId: row.assigneeId });
  return row;
}

/**
 * An extension by working days becomes the exact period to the resulting deadline before the
 * workflow sees it: the holiday calendar is in PostgreSQL, and the workflow (deterministic, no
 * I/O in validators) keeps applying an ISO period as it always did.
 */
async function workingDaysAsPeriod(sql: Sql, caseId: string, payload: Record<string, unknown>) {
  const [task] = await sql<{ dueAt: Date | null }[]>`
    SELECT due_at FROM tasks WHERE id = ${String(payload.taskId)} AND case_id = ${caseId} AND status = 'open'`;
  if (!task?.dueAt) throw new HttpProblem(409, `task ${String(payload.taskId)} is not an open task of this case with a deadline`);
  const until = await extendedByWorkingDays(sql, task.dueAt, payload.workingDays as number);
  return { taskId: payload.taskId, extendBy: `PT${Math.round((until.getTime() - task.dueAt.getTime()) / 1000)}S`, reason: payload.reason };
}

export function caseActionRoutes(sql: Sql, temporal: Client, taskQueue: string): Router {
  const router = Router();

  router.post('/cases/bulk-reassign', async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'case.bulk_reassign');
    const body = parseInput('body', bulkReassignBodySchema, req.body);
    const assignee = await assigneeOf(sql, body.toUserId);
    if (!assignee || assignee.role !== 'tksk' || assignee.disabled || !assignee.regionCode || !decide(actor, 'case.bulk_reassign', assignee.regionCode).ok) {
      throw bodyFieldProblem('toUserId', 'toUserId must be an active TKSK in your region', 'must be an active TKSK in your region');
    }
    const { confirm_destructive: requireConfirmation } = await caseSettingsFor(sql, assignee.regionCode);
    const operationId = `bulk-reassign-${randomUUID()}`;
    const input: BulkReassignInput = { operationId, fromUserId: body.fromUserId, assignee, reason: body.reason, requestedBy: actor, requireConfirmation };
    const handle = await temporal.workflow.start<typeof bulkReassignWorkflow>('bulkReassignWorkflow', { workflowId: operationId, taskQueue, args: [input] });
    res
      .status(202)
      .location(`/api/bulk-operations/${operationId}`)
      .json(await handle.query(bulkStatusQuery));
  });

  router.get('/bulk-operations/:id', async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'case.bulk_reassign');
    const { id } = parseInput('params', bulkIdParamsSchema, req.params);
    res.json(await viaUpdate(() => temporal.workflow.getHandle(id).query(bulkStatusQuery)));
  });

  router.post('/bulk-operations/:id/confirm', async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'case.bulk_reassign');
    const { id } = parseInput('params', bulkIdParamsSchema, req.params);
    const body = parseInput('body', bulkConfirmBodySchema, req.body);
    res.json(await viaUpdate(() => temporal.workflow.getHandle(id).executeUpdate(confirmBulkUpdate, { args: [{ actor, approve: body.approve }] })));
  });

  router.post('/cases/:id/actions/confirm', async (req, res) => {
    const actor = actorOf(res);
    const { id } = parseInput('params', caseIdParamsSchema, req.params);
    const body = parseInput('body', confirmBodySchema, req.body);
    const row = await requireCaseFor(sql, actor, id, 'cancel');
    res.json(await viaUpdate(() => temporal.workflow.getHandle(row.workflowId).executeUpdate(confirmInterventionUpdate, { args: [{ ...body, actor }] })));
  });

  router.post('/cases/:id/actions/:action', async (req, res) => {
    const actor = actorOf(res);
    const { id, action } = parseInput('params', actionParamsSchema, req.params);
    let payload = parseInput('body', interventionBodySchemas[action], req.body) as Record<string, unknown>;
    const row = await requireCaseFor(sql, actor, id, action);
    if (action === 'extend-deadline' && typeof payload.workingDays === 'number') payload = await workingDaysAsPeriod(sql, id, payload);
    const assignee = action === 'reassign' ? await assigneeOf(sql, String(payload.toUserId)) : undefined;
    if (action === 'reassign' && !assignee) {
      throw bodyFieldProblem('toUserId', 'unknown user');
    }
    const result = await viaUpdate(() =>
      temporal.workflow.getHandle(row.workflowId).executeUpdate(interveneUpdate, { args: [{ action, actor, payload, assignee }] }),
    );
    res.status(result.status === 'pending_confirmation' ? 202 : 200).json(result);
  });

  return router;
}
