import { Router } from 'express';
import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { canonicalJson } from '../../db/audit';
import type { Sql } from '../../db';
import { authorize } from '../../domain/access';
import { completionOf, completionSchemaFor, type TaskType } from '../../domain/taskTypes';
import { completeTaskUpdate } from '../../workflows/definitions';
import { actorOf, parseInput } from '../http';
import { fieldIssues, HttpProblem, validationProblem } from '../problem';
import { listRoute } from '../list';
import { viaUpdate } from '../temporalErrors';
import { extendedByWorkingDays, presentTask, taskList, viewCondition, visibleTask, visibleTasks, type TaskRow } from './queries';
import { recordAuditorTaskRead } from '../requestAudit';
import { checkReferralTarget } from '../psks/queries';
import { completeTaskBodySchema, deadlineExtensionQuerySchema, taskIdParamsSchema, taskListQuerySchema } from './schema';

export function taskRoutes(sql: Sql, temporal: Client): Router {
  const router = Router();

  router.get(
    '/tasks',
    listRoute(sql, {
      action: 'task.list',
      query: taskListQuerySchema,
      spec: taskList(sql),
      source: (actor, res, q) => ({
        select: sql`t.*`,
        from: visibleTasks(sql, actor),
        scope: [viewCondition(sql, actor, q.filter?.view)],
        present: presentTask,
        read: (rows: TaskRow[]) => recordAuditorTaskRead(sql, res, actor, rows),
      }),
    }),
  );

  router.get('/tasks/:id', async (req, res) => {
    const actor = actorOf(res);
    const { id } = parseInput('params', taskIdParamsSchema, req.params);
    authorize(actor, 'task.list');
    const task = await visibleTask(sql, actor, id);
    await recordAuditorTaskRead(sql, res, actor, [task]);
    res.json(presentTask(task));
  });

  // The deadline an extension by working days would give, for the supervisor's picker: computed
  // here because the holiday calendar lives in PostgreSQL (the extension itself uses the same).
  router.get('/tasks/:id/deadline-extension', async (req, res) => {
    const actor = actorOf(res);
    const { id } = parseInput('params', taskIdParamsSchema, req.params);
    const { workingDays } = parseInput('query', deadlineExtensionQuerySchema, req.query);
    authorize(actor, 'task.list');
    const task = await visibleTask(sql, actor, id);
    // Whoever may extend it: a supervisor of the case's region (extend-deadline is a case intervention).
    authorize(actor, 'case.intervene', { intervention: 'extend-deadline', kecamatanCode: task.regionCode, assigneeId: task.assigneeId ?? '' });
    if (task.status !== 'open' || !task.dueAt || !task.caseId) {
      throw new HttpProblem(409, `task ${id} is not an open case task with a deadline`, { taskStatus: task.status });
    }
    const extendedDueAt = await extendedByWorkingDays(sql, task.dueAt, workingDays);
    res.json({ taskId: id, dueAt: task.dueAt.toISOString(), workingDays, extendedDueAt: extendedDueAt.toISOString() });
  });

  router.post('/tasks/:id/complete', async (req, res) => {
    const actor = actorOf(res);
    const { id } = parseInput('params', taskIdParamsSchema, req.params);
    const body = parseInput('body', completeTaskBodySchema, req.body);
    const task = await visibleTask(sql, actor, id);
    if (task.status !== 'open')
      throw new HttpProblem(409, `task ${id} is already ${task.status}`, { code: 'task-not-open', taskStatus: task.status, outcome: task.outcome });
    // A retry of one's own completion (same outcome and data) while the first is still in flight
    // (its answer lost, the worker restarting) is the same Update: Temporal attaches it to the
    // first and answers with its result, instead of refusing it as "not open".
    const updateId = `complete:${id}:${actor.id}:${createHash('sha256')
      .update(canonicalJson(completionOf(body.outcome, body.data)))
      .digest('hex')
      .slice(0, 32)}`;
    authorize(actor, 'task.complete', { type: task.type as TaskType, regionCode: task.regionCode, assigneeId: task.assigneeId, submittedBy: task.submittedBy });
    // Claimed by someone else (decision 0025): refused here with its own code; the workflow checks again.
    if (task.claimedBy && task.claimedBy !== actor.id)
      throw new HttpProblem(409, `task ${id} is claimed by someone else`, { code: 'task-claimed', claimedBy: task.claimedBy });
    const payload = completionSchemaFor(task.type as TaskType).safeParse(completionOf(body.outcome, body.data));
    if (!payload.success) throw validationProblem(fieldIssues('body', payload.error.issues));
    await checkReferralTarget(sql, actor, payload.data);
    const result = await viaUpdate(() =>
      temporal.workflow
        .getHandle(task.workflowId)
        .executeUpdate(completeTaskUpdate, { updateId, args: [{ taskId: id, actor, outcome: body.outcome, data: body.data }] }),
    );
    res.json(result);
  });

  return router;
}
