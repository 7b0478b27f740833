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
import { bodyFieldProblem } from '../problem';
import { viaUpdate } from '../temporalErrors';
import { visibleCase } from './queries';
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
    const payload = parseInput('body', interventionBodySchemas[action], req.body) as Record<string, unknown>;
    const row = await requireCaseFor(sql, actor, id, action);
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
