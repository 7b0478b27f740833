// Tasklist features (decision 0025): claiming a task offered to a role, priority and follow-up
// dates, the inbox's default views. The claim rules live here so the API (before it calls the
// workflow), the workflow's Update validator and the portal (what it offers) decide alike.
import { z } from 'zod';
import { checkTaskCompletion, type TaskForPolicy } from './access';
import { regionCovers } from './regions';
import { actorSchema, isSupervisor, type Actor } from './roles';
import { TASK_TYPE_INFO } from './taskTypes';

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const taskPrioritySchema = z.enum(TASK_PRIORITIES);
export type TaskPriority = z.infer<typeof taskPrioritySchema>;

/**
 * The inbox's default views, as one `view` filter of GET /api/tasks: mine (assigned to or claimed
 * by me, open), unassigned (open, nobody assigned or claiming, my role), open (everything open in
 * my region), completed-by-me.
 */
export const TASK_VIEWS = ['mine', 'unassigned', 'open', 'completed-by-me'] as const;
export const taskViewSchema = z.enum(TASK_VIEWS);
export type TaskView = z.infer<typeof taskViewSchema>;

export const CLAIM_ACTIONS = ['claim', 'unclaim', 'take-over'] as const;
export type ClaimAction = (typeof CLAIM_ACTIONS)[number];

export const MAX_TAKE_OVER_REASON = 1000;

/** The claimTask Update's argument (sealed: it acts in someone's name). */
export const claimTaskInputSchema = z.object({
  taskId: z.string().min(1),
  actor: actorSchema,
  action: z.enum(CLAIM_ACTIONS),
  /** Take-over only: why the supervisor takes the task from its claimant (audited). */
  reason: z.string().trim().min(1).max(MAX_TAKE_OVER_REASON).optional(),
});
export type ClaimTaskInput = z.infer<typeof claimTaskInputSchema>;

/** What the claimTask Update answers: who holds the task now. */
export interface ClaimTaskResult {
  taskId: string;
  action: ClaimAction;
  claimedBy: string | null;
  claimedAt: string | null;
  /** The claimant before this call (take-over: whom it was taken from). */
  previousClaimant: string | null;
  /** False when the call changed nothing (claiming one's own claim again, unclaiming an unclaimed task). */
  changed: boolean;
}

/** A task as the claim rules see it. */
export interface TaskForClaim extends TaskForPolicy {
  claimedBy: string | null;
}

export type ClaimRefusal = 'role' | 'region' | 'assignee' | 'own' | 'assigned' | 'claimed' | 'not-claimant' | 'not-supervisor' | 'reason';
export type ClaimCheck = { ok: true; changes: boolean } | { ok: false; refusal: ClaimRefusal; reason: string };

const refuse = (refusal: ClaimRefusal, reason: string): ClaimCheck => ({ ok: false, refusal, reason });

/**
 * May the actor claim, unclaim or take over this (open) task?
 * - claim: a task offered to a role (no assignee) that the actor could complete, not claimed by
 *   someone else; claiming one's own claim again changes nothing.
 * - unclaim: the claimant only (a supervisor takes over instead).
 * - take-over: a supervisor of the task's role covering its region, with a reason.
 */
export function checkClaim(actor: Pick<Actor, 'id' | 'role' | 'regionCode'>, task: TaskForClaim, action: ClaimAction, reason?: string): ClaimCheck {
  if (action === 'unclaim') {
    if (!task.claimedBy) return { ok: true, changes: false };
    return task.claimedBy === actor.id
      ? { ok: true, changes: true }
      : refuse('not-claimant', 'only the claimant may release the task (a supervisor takes it over)');
  }
  if (action === 'take-over') {
    if (!isSupervisor(actor.role)) return refuse('not-supervisor', 'only a supervisor takes over a task');
    if (!regionCovers(actor.regionCode, task.regionCode)) return refuse('region', `task region ${task.regionCode} is outside your region`);
    if (!reason?.trim()) return refuse('reason', 'a take-over needs a reason');
  }
  const completion = checkTaskCompletion(actor, { ...task, claimedBy: null });
  if (!completion.ok) return refuse(completion.refusal, completion.reason);
  if (task.assigneeId) return refuse('assigned', 'the task is assigned to a person, not offered to a role');
  if (task.claimedBy === actor.id) return { ok: true, changes: false };
  if (task.claimedBy && action === 'claim') return refuse('claimed', 'the task is claimed by someone else');
  return { ok: true, changes: true };
}

/** The role a task is offered to. */
export const candidateRoleOf = (task: Pick<TaskForPolicy, 'type'>) => TASK_TYPE_INFO[task.type].role;

/** May the actor set the task's priority and follow-up date: its assignee, its claimant, or a supervisor of its region. */
export function canPlanTask(actor: Pick<Actor, 'id' | 'role' | 'regionCode'>, task: TaskForClaim): boolean {
  if (task.assigneeId === actor.id || task.claimedBy === actor.id) return true;
  return isSupervisor(actor.role) && regionCovers(actor.regionCode, task.regionCode);
}
