// Tasklist routes (decision 0025). Claims go through the task's workflow (the claimTask Update):
// the workflow's completion validator and the inbox agree on the claimant, and two claims at once
// are serialised there (the second is refused, 409 task-claimed). Priority, follow-up dates and
// comments are the inbox's own data: written here, audited, never seen by the workflow.
import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import type { Client } from '@temporalio/client';
import type { Sql } from '../../db';
import { detailsWithTexts } from '../../db/auditTexts';
import { authorize } from '../../domain/access';
import { canPlanTask, checkClaim, type ClaimAction, type ClaimCheck } from '../../domain/tasklist';
import type { Actor } from '../../domain/roles';
import type { TaskType } from '../../domain/taskTypes';
import { claimTaskUpdate } from '../../workflows/definitions';
import { peopleScope } from '../directory/routes';
import { actorOf, parseInput } from '../http';
import { bodyIssues, HttpProblem, validationProblem } from '../problem';
import { appendRequestEvent } from '../requestAudit';
import { viaUpdate } from '../temporalErrors';
import { presentTask, visibleTask, type TaskRow } from './queries';
import { taskIdParamsSchema } from './schema';
import { commentBodySchema, noBodySchema, takeOverBodySchema, taskPlanBodySchema } from './tasklistSchema';

const forClaim = (t: TaskRow) => ({
  type: t.type as TaskType,
  regionCode: t.regionCode,
  assigneeId: t.assigneeId,
  submittedBy: t.submittedBy,
  claimedBy: t.claimedBy,
});

/** The claim rules' refusal as the API answers it (the workflow decides again, on its own state). */
function claimProblem(check: Exclude<ClaimCheck, { ok: true }>): HttpProblem {
  switch (check.refusal) {
    case 'claimed':
      return new HttpProblem(409, check.reason, { code: 'task-claimed' });
    case 'assigned':
      return new HttpProblem(409, check.reason, { code: 'task-assigned' });
    case 'not-claimant':
      return new HttpProblem(403, check.reason, { code: 'task-not-claimant' });
    case 'reason':
      return validationProblem(bodyIssues([{ path: ['reason'], message: check.reason, code: 'custom' }]));
    default:
      return new HttpProblem(403, check.reason);
  }
}

interface CommentRow {
  id: string;
  taskId: string;
  authorId: string;
  body: string;
  createdAt: Date;
  mentions: string[];
}

const presentComment = (c: CommentRow) => ({
  id: c.id,
  taskId: c.taskId,
  authorId: c.authorId,
  text: c.body,
  createdAt: c.createdAt.toISOString(),
  mentions: c.mentions,
});

export function tasklistRoutes(sql: Sql, temporal: Client): Router {
  const router = Router();

  async function openTask(actor: Actor, id: string): Promise<TaskRow> {
    const task = await visibleTask(sql, actor, id);
    if (task.status !== 'open') throw new HttpProblem(409, `task ${id} is already ${task.status}`, { code: 'task-not-open', taskStatus: task.status });
    return task;
  }

  const claimRoute = (action: ClaimAction) => async (req: { params: unknown; body: unknown }, res: Response) => {
    const actor = actorOf(res);
    const { id } = parseInput('params', taskIdParamsSchema, req.params);
    const body = action === 'take-over' ? parseInput('body', takeOverBodySchema, req.body) : (parseInput('body', noBodySchema, req.body) ?? {});
    authorize(actor, action === 'take-over' ? 'task.take_over' : 'task.claim');
    const task = await openTask(actor, id);
    const reason = 'reason' in body ? body.reason : undefined;
    const check = checkClaim(actor, forClaim(task), action, reason);
    if (!check.ok) throw claimProblem(check);
    const result = await viaUpdate(() =>
      temporal.workflow.getHandle(task.workflowId).executeUpdate(claimTaskUpdate, { args: [{ taskId: id, actor, action, ...(reason ? { reason } : {}) }] }),
    );
    res.json(result);
  };

  router.post('/tasks/:id/claim', claimRoute('claim'));
  router.post('/tasks/:id/unclaim', claimRoute('unclaim'));
  router.post('/tasks/:id/take-over', claimRoute('take-over'));

  // Priority and follow-up date: the assignee, the claimant or a supervisor of the region; each change audited.
  router.patch('/tasks/:id', async (req, res) => {
    const actor = actorOf(res);
    const { id } = parseInput('params', taskIdParamsSchema, req.params);
    const body = parseInput('body', taskPlanBodySchema, req.body);
    authorize(actor, 'task.plan');
    const task = await openTask(actor, id);
    if (!canPlanTask(actor, forClaim(task)))
      throw new HttpProblem(403, 'only the assignee, the claimant or a supervisor of the region sets the priority and follow-up date');
    const followUpAt = body.followUpAt === undefined ? undefined : body.followUpAt === null ? null : new Date(body.followUpAt);
    await sql.begin(async (tx) => {
      const [before] = await tx<{ priority: string; followUpAt: Date | null }[]>`
        SELECT priority, follow_up_at FROM tasks WHERE id = ${id} AND status = 'open' FOR UPDATE`;
      if (!before) throw new HttpProblem(409, `task ${id} is no longer open`, { code: 'task-not-open' });
      if (body.priority !== undefined && body.priority !== before.priority) {
        await tx`UPDATE tasks SET priority = ${body.priority} WHERE id = ${id}`;
        await appendRequestEvent(tx, res, {
          key: `task:${id}:priority`,
          action: 'task.priority_changed',
          entityType: 'task',
          entityId: id,
          caseId: task.caseId,
          details: { from: before.priority, to: body.priority },
        });
      }
      const beforeFollowUp = before.followUpAt?.toISOString() ?? null;
      const afterFollowUp = followUpAt === undefined ? beforeFollowUp : (followUpAt?.toISOString() ?? null);
      if (afterFollowUp !== beforeFollowUp) {
        await tx`UPDATE tasks SET follow_up_at = ${afterFollowUp} WHERE id = ${id}`;
        await appendRequestEvent(tx, res, {
          key: `task:${id}:follow_up`,
          action: 'task.follow_up_changed',
          entityType: 'task',
          entityId: id,
          caseId: task.caseId,
          details: { from: beforeFollowUp, to: afterFollowUp },
        });
      }
    });
    res.json(presentTask(await visibleTask(sql, actor, id)));
  });

  router.get('/tasks/:id/comments', async (req, res) => {
    const actor = actorOf(res);
    const { id } = parseInput('params', taskIdParamsSchema, req.params);
    authorize(actor, 'task.list');
    await visibleTask(sql, actor, id);
    const rows = await sql<CommentRow[]>`
      SELECT c.id, c.task_id, c.author_id, c.body, c.created_at,
             ARRAY(SELECT m.user_id FROM task_mentions m WHERE m.comment_id = c.id ORDER BY m.user_id) AS mentions
      FROM task_comments c WHERE c.task_id = ${id} ORDER BY c.created_at, c.id`;
    res.json(rows.map(presentComment));
  });

  // A comment, and a mention row per colleague named (a later notification outbox delivers them).
  router.post('/tasks/:id/comments', async (req, res) => {
    const actor = actorOf(res);
    const { id } = parseInput('params', taskIdParamsSchema, req.params);
    const body = parseInput('body', commentBodySchema, req.body);
    authorize(actor, 'task.comment');
    const task = await visibleTask(sql, actor, id);
    const mentions = [...new Set(body.mentions ?? [])];
    if (mentions.length) {
      // Resolved as GET /api/people does: only colleagues the commenter may see.
      const known = await sql<{ id: string }[]>`SELECT u.id FROM users u WHERE u.id IN ${sql(mentions)} AND ${peopleScope(sql, actor)}`;
      const found = new Set(known.map((k) => k.id));
      const unknown = mentions.map((m, i) => [m, i] as const).filter(([m]) => !found.has(m));
      if (unknown.length) {
        throw validationProblem(bodyIssues(unknown.map(([m, i]) => ({ path: ['mentions', i], message: `no colleague ${m} visible to you`, code: 'custom' }))));
      }
    }
    const commentId = randomUUID();
    const createdAt = new Date();
    await sql.begin(async (tx) => {
      await tx`INSERT INTO task_comments (id, task_id, author_id, body, created_at) VALUES (${commentId}, ${id}, ${actor.id}, ${body.text}, ${createdAt})`;
      for (const userId of mentions) {
        await tx`INSERT INTO task_mentions (comment_id, task_id, user_id, created_at) VALUES (${commentId}, ${id}, ${userId}, ${createdAt})`;
      }
      // The words stay in task_comments (retention blanks them there); the chain records that a comment was made.
      await appendRequestEvent(tx, res, {
        key: `task:${id}:comment`,
        action: 'task.commented',
        entityType: 'task',
        entityId: id,
        caseId: task.caseId,
        details: { commentId, mentions },
      });
    });
    res.status(201).json(presentComment({ id: commentId, taskId: id, authorId: actor.id, body: body.text, createdAt, mentions: mentions.sort() }));
  });

  // The task's history: its audit rows, oldest first (created, claimed, taken over, priority, comments, completion, escalations).
  router.get('/tasks/:id/history', async (req, res) => {
    const actor = actorOf(res);
    const { id } = parseInput('params', taskIdParamsSchema, req.params);
    authorize(actor, 'task.list');
    await visibleTask(sql, actor, id);
    const rows = await sql<{ seq: string; at: Date; action: string; actorId: string | null; actorRole: string | null; details: Record<string, unknown> }[]>`
      SELECT a.seq, a.at, a.action, a.actor_id, a.actor_role, ${detailsWithTexts(sql)} AS details
      FROM audit_log a WHERE a.entity_type = 'task' AND a.entity_id = ${id} ORDER BY a.seq`;
    res.json(
      rows.map((r) => ({ id: Number(r.seq), at: r.at.toISOString(), action: r.action, actorId: r.actorId, actorRole: r.actorRole, details: r.details })),
    );
  });

  return router;
}
