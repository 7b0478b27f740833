// Schemas of the tasklist routes (decision 0025): claim / unclaim / take-over, priority and
// follow-up, comments with mentions, the task's history.
import { z } from 'zod';
import { CLAIM_ACTIONS, MAX_TAKE_OVER_REASON, taskPrioritySchema } from '../../domain/tasklist';
import { isoDateTimeSchema } from '../../domain/primitives';

/** POST /api/tasks/:id/claim and /unclaim take no body (an empty object is accepted). */
export const noBodySchema = z.strictObject({}).optional();

export const takeOverBodySchema = z
  .strictObject({
    /** Why the supervisor takes the task from its claimant (audited; shown in the task's history). */
    reason: z.string().trim().min(1).max(MAX_TAKE_OVER_REASON),
  })
  .meta({ id: 'TaskTakeOver', example: { reason: 'Penelaah cuti sampai pekan depan; tenggat besok.' } });

/** Who holds the task after a claim, release or take-over. */
export const claimResultSchema = z
  .object({
    taskId: z.string(),
    action: z.enum(CLAIM_ACTIONS),
    /** The claimant now (null after a release). */
    claimedBy: z.string().nullable(),
    claimedAt: z.string().nullable(),
    /** The claimant before (a take-over: whom it was taken from). */
    previousClaimant: z.string().nullable(),
    /** False when nothing changed (claiming your own claim again, releasing an unclaimed task). */
    changed: z.boolean(),
  })
  .meta({ id: 'TaskClaim' });

/** PATCH /api/tasks/:id: priority and follow-up date (at least one). */
export const taskPlanBodySchema = z
  .strictObject({
    priority: taskPrioritySchema.optional(),
    /** When to look at the task again; null clears it. */
    followUpAt: isoDateTimeSchema.nullable().optional(),
  })
  .refine((b) => b.priority !== undefined || b.followUpAt !== undefined, { message: 'give priority or followUpAt', path: [] })
  .meta({ id: 'TaskPlan', example: { priority: 'high', followUpAt: '2026-12-07T02:00:00.000Z' } });

export const MAX_COMMENT_LENGTH = 4000;

export const commentBodySchema = z
  .strictObject({
    /** The comment (plain text). Write "@Nama" for the people listed in `mentions`. */
    text: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
    /** User ids of colleagues named in the comment, from GET /api/people (each must be visible to you there). */
    mentions: z.array(z.string().min(1).max(100)).max(20).optional(),
  })
  .meta({ id: 'TaskCommentInput', example: { text: '@Supervisor Semarang mohon cek lampiran asesmen.', mentions: ['usr_supervisor1'] } });

export const commentSchema = z
  .object({
    id: z.string(),
    taskId: z.string(),
    authorId: z.string(),
    text: z.string(),
    createdAt: z.string(),
    /** User ids mentioned; each has a row in task_mentions for a later notification outbox. */
    mentions: z.array(z.string()),
  })
  .meta({ id: 'TaskComment' });

/** One entry of a task's history (its audit rows): created, claimed, unclaimed, taken_over, priority_changed, follow_up_changed, commented, completed, cancelled, escalations. */
export const taskHistoryEntrySchema = z
  .object({
    /** The audit row's sequence number. */
    id: z.number().int(),
    at: z.string(),
    /** task.created, task.claimed, task.unclaimed, task.taken_over, task.priority_changed, task.follow_up_changed, task.commented, task.completed, … */
    action: z.string(),
    actorId: z.string().nullable(),
    actorRole: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TaskHistoryEntry' });
