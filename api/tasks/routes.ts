import { Router } from 'express';
import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { canonicalJson } from '../../db/audit';
import type { Sql } from '../../db';
import { authorize } from '../../domain/access';
import { completionOf, completionSchemaFor, type TaskType } from '../../domain/taskTypes';
import { completeTaskUpdate } from '../../workflows/definitions';
import { actorOf, parseInput, sendList } from '../http';
import { fieldIssues, HttpProblem, validationProblem } from '../problem';
import { cappedCount } from '../listTotals';
import { viaUpdate } from '../temporalErrors';
import { findVisibleTask, presentTask, visibleTasks, type TaskRow } from './queries';
import { completeTaskBodySchema, taskIdParamsSchema, taskListQuerySchema } from './schema';

const SORT_COLUMNS = { createdAt: 'created_at', dueAt: 'due_at', type: 'type', status: 'status', completedAt: 'completed_at' } as const;

export function taskRoutes(sql: Sql, temporal: Client): Router {
  const router = Router();

  router.get('/tasks', async (req, res) => {
    const actor = actorOf(res);
    authorize(actor, 'task.list');
    const q = parseInput('query', taskListQuerySchema, req.query);
    const f = q.filter ?? {};
    const conds = [sql`TRUE`];
    if (f.id !== undefined) conds.push(sql`t.id IN ${sql(Array.isArray(f.id) ? f.id : [f.id])}`);
    if (f.type) conds.push(sql`t.type = ${f.type}`);
    if (f.status) conds.push(sql`t.status = ${f.status}`);
    if (f.caseId) conds.push(sql`t.case_id = ${f.caseId}`);
    if (f.workflowId) conds.push(sql`t.workflow_id = ${f.workflowId}`);
    if (f.assigneeId) conds.push(sql`t.assignee_id = ${f.assigneeId}`);
    if (f.candidateRole) conds.push(sql`t.candidate_role = ${f.candidateRole}`);
    if (f.overdue !== undefined) {
      const late = sql`(t.overdue OR (t.status = 'open' AND t.due_at < now()))`;
      conds.push(f.overdue ? late : sql`NOT ${late}`);
    }
    const where = conds.reduce((a, b) => sql`${a} AND ${b}`);
    const [field, dir] = q.sort ?? ['createdAt', 'DESC'];
    const [first, last] = q.range ?? [0, 24];
    const order = sql.unsafe(`t.${SORT_COLUMNS[field]} ${dir === 'ASC' ? 'ASC' : 'DESC'} NULLS LAST, t.id`);
    const from = sql`FROM ${visibleTasks(sql, actor)} WHERE ${where}`;
    const [rows, total] = await Promise.all([
      sql<TaskRow[]>`SELECT t.* ${from} ORDER BY ${order} LIMIT ${last - first + 1} OFFSET ${first}`,
      cappedCount(sql, from, res),
    ]);
    sendList(res, 'tasks', rows.map(presentTask), first, total);
  });

  router.get('/tasks/:id', async (req, res) => {
    const actor = actorOf(res);
    const { id } = parseInput('params', taskIdParamsSchema, req.params);
    authorize(actor, 'task.list');
    const task = await findVisibleTask(sql, actor, id);
    if (!task) throw new HttpProblem(404, `no task ${id} visible to you`);
    res.json(presentTask(task));
  });

  router.post('/tasks/:id/complete', async (req, res) => {
    const actor = actorOf(res);
    const { id } = parseInput('params', taskIdParamsSchema, req.params);
    const body = parseInput('body', completeTaskBodySchema, req.body);
    const task = await findVisibleTask(sql, actor, id);
    if (!task) throw new HttpProblem(404, `no task ${id} visible to you`);
    if (task.status !== 'open') throw new HttpProblem(409, `task ${id} is already ${task.status}`, { taskStatus: task.status, outcome: task.outcome });
    // A retry of one's own completion (same outcome and data) while the first is still in flight
    // (its answer lost, the worker restarting) is the same Update: Temporal attaches it to the
    // first and answers with its result, instead of refusing it as "not open".
    const updateId = `complete:${id}:${actor.id}:${createHash('sha256').update(canonicalJson(completionOf(body.outcome, body.data))).digest('hex').slice(0, 32)}`;
    authorize(actor, 'task.complete', { type: task.type as TaskType, regionCode: task.regionCode, assigneeId: task.assigneeId, submittedBy: task.submittedBy });
    const payload = completionSchemaFor(task.type as TaskType).safeParse(completionOf(body.outcome, body.data));
    if (!payload.success) throw validationProblem(fieldIssues('body', payload.error.issues));
    const result = await viaUpdate(() =>
      temporal.workflow.getHandle(task.workflowId).executeUpdate(completeTaskUpdate, { updateId, args: [{ taskId: id, actor, outcome: body.outcome, data: body.data }] }),
    );
    res.json(result);
  });

  return router;
}
