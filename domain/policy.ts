// Authorization in one place: role × action × region scope. The API calls it before touching
// Temporal and the workflow update validators call it again with the actor that travels with
// the Update, so a call that slips past one layer is still refused by the other.
import { regionCovers } from './regions';
import type { Actor, Role } from './roles';
import { TASK_TYPE_INFO, type TaskType } from './taskTypes';

export type Decision = { ok: true } | { ok: false; reason: string };
const allow: Decision = { ok: true };
const deny = (reason: string): Decision => ({ ok: false, reason });

export const ACTIONS = {
  'case.register': ['tksk'],
  'case.list': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  'case.history': ['supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  'task.list': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  'case.intervene': ['supervisor_kabupaten', 'supervisor_provinsi'],
  'case.bulk_reassign': ['supervisor_kabupaten', 'supervisor_provinsi'],
  'policy.manage': ['admin'],
  'user.manage': ['admin'],
  /** Read the active users of one's region, to pick a reassignment target. */
  'user.list_assignable': ['supervisor_kabupaten', 'supervisor_provinsi'],
  'audit.read': ['auditor', 'admin', 'supervisor_kabupaten', 'supervisor_provinsi'],
  'audit.verify': ['auditor', 'admin'],
  'data_subject.export': ['admin'],
  'claim.create': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi'],
  'claim.list': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  'budget.read': ['supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  'budget.manage': ['supervisor_provinsi'],
} as const satisfies Record<string, readonly Role[]>;
export type Action = keyof typeof ACTIONS;

export function can(actor: Actor, action: Action, regionCode?: string): Decision {
  if (!(ACTIONS[action] as readonly Role[]).includes(actor.role)) return deny(`role ${actor.role} may not ${action}`);
  if (regionCode !== undefined && !regionCovers(actor.regionCode, regionCode)) return deny(`outside your region (${actor.regionCode ?? 'national'})`);
  return allow;
}

export interface TaskForPolicy {
  type: TaskType;
  regionCode: string;
  assigneeId?: string | null;
  submittedBy?: string | null;
}

/** Why a task is not the actor's to complete: a code (the portal words it) and the API's reason. */
export type TaskRefusal = 'role' | 'region' | 'assignee' | 'own';
export type TaskCompletionCheck = { ok: true } | { ok: false; refusal: TaskRefusal; reason: string };

/**
 * The completion rule, in the order it is checked: the task type's role, the actor's region,
 * a TKSK task's assignee, four-eyes (nobody reviews their own submission). The API and the
 * workflow enforce it (canCompleteTask); the portal shows only what it allows.
 */
export function checkTaskCompletion(actor: Pick<Actor, 'id' | 'role' | 'regionCode'>, task: TaskForPolicy): TaskCompletionCheck {
  const role = TASK_TYPE_INFO[task.type].role;
  const refuse = (refusal: TaskRefusal, reason: string): TaskCompletionCheck => ({ ok: false, refusal, reason });
  if (actor.role !== role) return refuse('role', `only role ${role} may complete ${task.type} tasks (you are ${actor.role})`);
  if (!regionCovers(actor.regionCode, task.regionCode)) return refuse('region', `task region ${task.regionCode} is outside your region (${actor.regionCode ?? 'national'})`);
  if (task.assigneeId && role === 'tksk' && task.assigneeId !== actor.id) return refuse('assignee', 'the task is assigned to another TKSK');
  if (task.submittedBy && task.submittedBy === actor.id) return refuse('own', 'four-eyes: you cannot review your own submission');
  return { ok: true };
}

/** May this actor complete this task? Role, region, assignment and four-eyes. */
export function canCompleteTask(actor: Actor, task: TaskForPolicy): Decision {
  const check = checkTaskCompletion(actor, task);
  return check.ok ? allow : deny(check.reason);
}

export interface CaseForPolicy {
  kecamatanCode: string;
  assigneeId: string | null;
}

/**
 * Interventions are for the case's supervisors (kabupaten or provinsi covering it); a note may
 * also come from the case's own TKSK.
 */
export function canIntervene(actor: Actor, action: string, c: CaseForPolicy): Decision {
  if (action === 'note' && actor.role === 'tksk' && actor.id === c.assigneeId) return allow;
  return can(actor, 'case.intervene', c.kecamatanCode);
}
