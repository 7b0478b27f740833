// Task rows: created with their due time (policy + working-day calendar), completed, cancelled,
// reassigned, re-timed, marked overdue. Every write is keyed by task id so a retry is a no-op.
import type { Sql, Tx } from '../db';
import { appendActorEvent, appendEntityEvent } from '../db/audit';
import { slaSettingFor } from '../db/settings';
import { computeDueAt } from '../domain/calendar';
import type { CaseStatus } from '../domain/case';
import type { Actor } from '../domain/roles';
import { TASK_TYPE_INFO, type TaskType } from '../domain/taskTypes';

export interface NewTask {
  taskId: string;
  workflowId: string;
  type: TaskType;
  regionCode: string;
  caseId: string | null;
  assigneeId: string | null;
  submittedBy: string | null;
  context: Record<string, unknown>;
  createdAt: string;
  /** Overrides the SLA policy (e.g. the plan's visit cadence). */
  duePeriod?: string | null;
  caseUpdate: { status: CaseStatus; step: string; assigneeId: string } | null;
  /** Completions that led to this task, written first in the same transaction (one round trip per decision). */
  completions?: TaskCompletionRecord[];
}

export interface TaskCompletionRecord {
  taskId: string;
  caseId: string | null;
  type: TaskType;
  outcome: string | null;
  data: unknown;
  actor: Actor;
  completedAt: string;
}

export interface TaskClaimRecord {
  /** The workflow's id for this event (the audit row's key: a retry writes it once). */
  eventId: string;
  taskId: string;
  caseId: string | null;
  action: 'claim' | 'unclaim' | 'take-over';
  actor: Actor;
  claimedBy: string | null;
  previousClaimant: string | null;
  reason: string | null;
  at: string;
}

const json = (tx: Tx, v: unknown) => tx.json(v as never);

/**
 * The most specific SLA policy for a task type (a region match beats the default '') and the
 * holidays from the task's start on, in one round trip.
 */
async function slaPolicy(tx: Tx, type: TaskType, regionCode: string, from: string) {
  const [row] = await tx<{ duePeriod: string | null; workingDays: boolean | null; holidays: string[] }[]>`
    SELECT p.due_period, p.working_days,
           ARRAY(SELECT to_char(day, 'YYYY-MM-DD') FROM holidays WHERE day >= (${from}::timestamptz - interval '1 day')::date) AS holidays
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (${slaSettingFor(tx, type, regionCode)}) p ON true`;
  return { duePeriod: row.duePeriod, workingDays: row.workingDays, holidays: new Set(row.holidays) };
}

/** Recomputes the case's overdue flag from its open tasks. */
async function refreshCaseOverdue(tx: Tx, caseId: string | null): Promise<void> {
  if (!caseId) return;
  await tx`UPDATE cases SET overdue = EXISTS (SELECT 1 FROM tasks WHERE case_id = ${caseId} AND status = 'open' AND overdue) WHERE id = ${caseId}`;
}

/** A completed task: its row, its case's overdue flag and the audit row (keyed: a retry writes nothing twice). */
async function recordCompletion(tx: Tx, c: TaskCompletionRecord): Promise<void> {
  await tx`
    UPDATE tasks SET status = 'completed', outcome = ${c.outcome}, data = ${json(tx, c.data)}, actor_id = ${c.actor.id},
           completed_at = ${c.completedAt}
    WHERE id = ${c.taskId} AND status = 'open'`;
  await refreshCaseOverdue(tx, c.caseId);
  const data = c.data as Record<string, unknown>;
  await appendEntityEvent(tx, { type: 'task', id: c.taskId, caseId: c.caseId }, 'completed', {
    at: c.completedAt,
    actor: c.actor,
    // The decision and its reason are the audit trail's point; free-text payloads stay in the task row.
    details: { type: c.type, outcome: c.outcome, reason: typeof data?.reason === 'string' ? data.reason : undefined },
  });
}

export function taskActivities(sql: Sql) {
  return {
    async createTask(t: NewTask): Promise<{ dueAt: string | null }> {
      return sql.begin(async (tx) => {
        for (const c of t.completions ?? []) await recordCompletion(tx, c);
        const policy = await slaPolicy(tx, t.type, t.regionCode, t.createdAt);
        const period = t.duePeriod ?? policy.duePeriod;
        const dueAt = period ? computeDueAt(new Date(t.createdAt), period, t.duePeriod ? true : (policy.workingDays ?? true), policy.holidays) : null;
        const inserted = await tx`
          INSERT INTO tasks (id, workflow_id, case_id, type, candidate_role, region_code, assignee_id, submitted_by, context, created_at, due_at)
          VALUES (${t.taskId}, ${t.workflowId}, ${t.caseId}, ${t.type}, ${TASK_TYPE_INFO[t.type].role}, ${t.regionCode},
                  ${t.assigneeId}, ${t.submittedBy}, ${json(tx, t.context)}, ${t.createdAt}, ${dueAt})
          ON CONFLICT (id) DO NOTHING RETURNING id`;
        if (!inserted.length) {
          // A retry of a committed write (row, case update and audit commit together): report what was stored.
          const [existing] = await tx<{ dueAt: Date | null }[]>`SELECT due_at FROM tasks WHERE id = ${t.taskId}`;
          return { dueAt: existing.dueAt?.toISOString() ?? null };
        }
        if (t.caseUpdate && t.caseId) {
          await tx`
            UPDATE cases SET status = ${t.caseUpdate.status}, step = ${t.caseUpdate.step}, assignee_id = ${t.caseUpdate.assigneeId}, updated_at = now()
            WHERE id = ${t.caseId}`;
        }
        await appendEntityEvent(tx, { type: 'task', id: t.taskId, caseId: t.caseId }, 'created', {
          at: t.createdAt,
          actor: null,
          details: { type: t.type, regionCode: t.regionCode, assigneeId: t.assigneeId, dueAt: dueAt?.toISOString() ?? null },
        });
        return { dueAt: dueAt?.toISOString() ?? null };
      });
    },

    async completeTask(c: TaskCompletionRecord): Promise<void> {
      await sql.begin((tx) => recordCompletion(tx, c));
    },

    async cancelTasks(a: { taskIds: string[]; caseId: string | null; reason: string; actor: Actor | null; at: string }): Promise<void> {
      if (!a.taskIds.length) return;
      await sql.begin(async (tx) => {
        await tx`UPDATE tasks SET status = 'cancelled', cancel_reason = ${a.reason}, completed_at = ${a.at} WHERE id IN ${tx(a.taskIds)} AND status = 'open'`;
        await refreshCaseOverdue(tx, a.caseId);
        for (const id of a.taskIds) {
          await appendEntityEvent(tx, { type: 'task', id, caseId: a.caseId }, 'cancelled', { at: a.at, actor: a.actor, details: { reason: a.reason } });
        }
      });
    },

    /** New assignee for open TKSK tasks (reassignment). */
    async reassignTasks(a: { taskIds: string[]; assigneeId: string }): Promise<void> {
      if (!a.taskIds.length) return;
      await sql`UPDATE tasks SET assignee_id = ${a.assigneeId} WHERE id IN ${sql(a.taskIds)} AND status = 'open'`;
    },

    /** New due times (resume after pause, deadline extension); a task due in the future is no longer overdue. */
    async retimeTasks(a: { caseId: string | null; dueAt: { taskId: string; dueAt: string }[] }): Promise<void> {
      if (!a.dueAt.length) return;
      await sql.begin(async (tx) => {
        for (const { taskId, dueAt } of a.dueAt) {
          await tx`UPDATE tasks SET due_at = ${dueAt}, overdue = overdue AND ${dueAt}::timestamptz <= now() WHERE id = ${taskId} AND status = 'open'`;
        }
        await refreshCaseOverdue(tx, a.caseId);
      });
    },

    /**
     * A claim, release or take-over (decision 0025): the inbox row's claimant and its audit row
     * (task.claimed / task.unclaimed / task.taken_over, keyed by the workflow's event id).
     */
    async recordTaskClaim(c: TaskClaimRecord): Promise<void> {
      await sql.begin(async (tx) => {
        await tx`UPDATE tasks SET claimed_by = ${c.claimedBy}, claimed_at = ${c.claimedBy ? c.at : null} WHERE id = ${c.taskId} AND status = 'open'`;
        const verb = c.action === 'claim' ? 'claimed' : c.action === 'unclaim' ? 'unclaimed' : 'taken_over';
        await appendActorEvent(tx, {
          eventKey: `task:${c.taskId}:${verb}:${c.eventId}`,
          at: c.at,
          actor: c.actor,
          action: `task.${verb}`,
          entityType: 'task',
          entityId: c.taskId,
          caseId: c.caseId,
          details: { claimedBy: c.claimedBy, previousClaimant: c.previousClaimant, ...(c.reason ? { reason: c.reason } : {}) },
        });
      });
    },

    /** A deadline passed: the task (and its case) are overdue; level 1 = first breach, 2 = second. */
    async markOverdue(a: { taskId: string; caseId: string | null; level: number; action: string; at: string }): Promise<void> {
      await sql.begin(async (tx) => {
        await tx`UPDATE tasks SET overdue = true, escalation_level = greatest(escalation_level, ${a.level}) WHERE id = ${a.taskId} AND status = 'open'`;
        await refreshCaseOverdue(tx, a.caseId);
        await appendActorEvent(tx, {
          eventKey: `task:${a.taskId}:breach:${a.level}`,
          at: a.at,
          actor: null,
          action: a.action,
          entityType: 'task',
          entityId: a.taskId,
          caseId: a.caseId,
          details: { level: a.level },
        });
      });
    },
  };
}
