// Authorization in one place: role × action × region scope. The API calls authorize() before
// touching Temporal and the workflow update validators call the same decisions again with the
// actor that travels with the Update, so a call that slips past one layer is still refused by
// the other. No HTTP here: a refusal is an AuthorizationError, which the API answers with 403.
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
  /** Edit the SLA due periods and case settings (tables sla_policies, case_policies). */
  'settings.manage': ['admin'],
  'user.manage': ['admin'],
  /** Read the active users of one's region, to pick a reassignment target. */
  'user.list_assignable': ['supervisor_kabupaten', 'supervisor_provinsi'],
  'audit.read': ['auditor', 'admin', 'supervisor_kabupaten', 'supervisor_provinsi'],
  'audit.verify': ['auditor', 'admin'],
  'data_subject.export': ['admin'],
  /** Confirm (or decline) another admin's privileged request: an export, a supervisor's, auditor's or admin's account. */
  'privileged.confirm': ['admin'],
  'claim.create': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi'],
  'claim.list': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  'budget.read': ['supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  'budget.manage': ['supervisor_provinsi'],
  /** Names for codes: colleagues of one's region and above it (GET /api/people), regions (GET /api/regions). */
  'directory.read': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor', 'admin'],
  /** Import a kecamatan's KPM list (Program Sembako): its TKSK or the kabupaten supervisor. */
  'sembako.kpm_import': ['tksk', 'supervisor_kabupaten'],
  /** Read (and export) the KPM register of one's region; NIK and names masked as for cases. */
  'sembako.kpm_list': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  /** Open a Sembako distribution period of a kecamatan (Tikor meeting, monitoring, report). */
  'sembako.period_open': ['tksk', 'supervisor_kabupaten'],
  'sembako.period_list': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  /** Propose a sanction recommendation about an e-warong to Kemensos (Permensos 5/2021 Pasal 58); a second supervisor approves it. */
  'sembako.sanction_propose': ['supervisor_kabupaten'],
  'sembako.sanction_list': ['supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  /** Record or delete a period's planned distribution start on the kabupaten's calendar (its Schedule opens the periods). */
  'sembako.calendar_manage': ['supervisor_kabupaten'],
  'sembako.calendar_list': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  /** Record a Sembako complaint (pengaduan) received in one's region. */
  'complaint.create': ['tksk', 'supervisor_kabupaten'],
  'complaint.list': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  /** Note on or withdraw a complaint of one's region (its TKSK, a supervisor covering it). */
  'complaint.act': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi'],
  /** Reissue a claim's cancelled payment (after its account was fixed): the province, who cancelled it. */
  'claim.reissue': ['supervisor_provinsi'],
  /** Download the spreadsheet exports of cases, tasks and claims (region-scoped; personal data as in the lists). */
  'export.read': ['supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  /** Record a TKSK's SK (assignment) and end it: the admin or a kabupaten supervisor of the kecamatan. */
  'tksk_assignment.manage': ['admin', 'supervisor_kabupaten'],
  /** Read the TKSK roster, vacancies and assignment timelines of one's region. */
  'tksk_assignment.read': ['admin', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  /** Propose a data fix to a KPM of the register (deceased, moved, ineligible, NIK, duplicate): the kecamatan's TKSK or the kabupaten supervisor. */
  'sembako.kpm_fix_propose': ['tksk', 'supervisor_kabupaten'],
  /** Read proposed KPM data fixes and export the accepted changes for SIKS-NG (region-scoped; numbers masked as in the register). */
  'sembako.kpm_fix_list': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  /** Read the PSKS directory and the pemetaan sosial matrix (and its history and export) of one's region. */
  'psks.read': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  /** Add or change a PSKS directory entry: the kecamatan's TKSK or a supervisor covering it. */
  'psks.manage': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi'],
  /** Record a desa's field count (pemetaan sosial): the kecamatan's TKSK or the kabupaten supervisor. */
  'pemetaan.count': ['tksk', 'supervisor_kabupaten'],
  /** Import a DTSEN/Pusdatin extract of PPKS/PSKS counts for one's region (Dinas Sosial's data work). */
  'pemetaan.import': ['supervisor_kabupaten', 'supervisor_provinsi'],
  /** Record a koordinasi meeting (Tikor, rakor, case conference) of one's region, with its action items. */
  'meeting.create': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi'],
  'meeting.list': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  /** Attach a daftar hadir, notulen or photo to a meeting of one's region. */
  'meeting.attach': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi'],
  /** Open a TKSK's monthly report (their own, or a supervisor for a TKSK of their region). */
  'monthly_report.create': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi'],
  'monthly_report.list': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
  /** Claim a task offered to one's role, release one's claim (decision 0025). */
  'task.claim': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi'],
  /** Take a claimed task over from its claimant, with a reason: a supervisor of the region. */
  'task.take_over': ['supervisor_kabupaten', 'supervisor_provinsi'],
  /** Set a task's priority and follow-up date (its assignee or claimant, a supervisor of the region). */
  'task.plan': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi'],
  /** Comment on a task one can see, naming colleagues. */
  'task.comment': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi'],
  /** Keep named inbox filters, shared with a role and/or a region. */
  'saved_filter.manage': ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor'],
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
  /** Who claimed the task from its role's queue (decision 0025): then only they complete it. */
  claimedBy?: string | null;
}

/** Why a task is not the actor's to complete: a code (the portal words it) and the API's reason. */
export type TaskRefusal = 'role' | 'region' | 'assignee' | 'own' | 'claimed';
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
  if (!regionCovers(actor.regionCode, task.regionCode))
    return refuse('region', `task region ${task.regionCode} is outside your region (${actor.regionCode ?? 'national'})`);
  if (task.assigneeId && role === 'tksk' && task.assigneeId !== actor.id) return refuse('assignee', 'the task is assigned to another TKSK');
  if (task.submittedBy && task.submittedBy === actor.id) return refuse('own', 'four-eyes: you cannot review your own submission');
  if (task.claimedBy && task.claimedBy !== actor.id) return refuse('claimed', 'the task is claimed by someone else');
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

/** The TKSK a stipend claim is for (their region once known). */
export interface ClaimForPolicy {
  tkskId: string;
  regionCode?: string;
}

/** A TKSK opens only their own claim; a supervisor one for a TKSK of their region. */
export function canOpenClaim(actor: Actor, claim: ClaimForPolicy): Decision {
  const role = can(actor, 'claim.create');
  if (!role.ok) return role;
  if (actor.role === 'tksk' && claim.tkskId !== actor.id) return deny('a TKSK opens only their own claim');
  if (claim.regionCode !== undefined && actor.id !== claim.tkskId && !regionCovers(actor.regionCode, claim.regionCode))
    return deny('that TKSK is outside your region');
  return allow;
}

/**
 * Accounts whose creation, change or password reset waits for a second admin: every role but a
 * TKSK (they decide, verify and audit, and an admin could otherwise make one alone).
 */
export const needsSecondAdmin = (role: Role): boolean => role !== 'tksk';

/** What waits for a second admin, and where such a request stands. */
export const PRIVILEGED_KINDS = ['data_subject_export', 'user_create', 'user_update', 'password_reset', 'user_import'] as const;
export type PrivilegedKind = (typeof PRIVILEGED_KINDS)[number];
export const PRIVILEGED_STATUSES = ['pending', 'confirmed', 'done', 'declined', 'expired'] as const;
export type PrivilegedStatus = (typeof PRIVILEGED_STATUSES)[number];

/** A privileged request (a data-subject export, a privileged account's change) waiting for a second admin. */
export interface PrivilegedRequestForPolicy {
  requestedBy: string;
}

/** An admin confirms another admin's request, never their own. */
export function canConfirmPrivileged(actor: Actor, request: PrivilegedRequestForPolicy): Decision {
  const role = can(actor, 'privileged.confirm');
  if (!role.ok) return role;
  return actor.id === request.requestedBy ? deny('four-eyes: a second admin must confirm your request') : allow;
}

/** What an action is checked against when it is about one thing; any other action takes a region code. */
export interface Resources {
  /** Complete this task: its type's role, its region, its assignee, four-eyes. */
  'task.complete': TaskForPolicy;
  /** Intervene on this case (`intervention`: note, pause, reassign, …). */
  'case.intervene': CaseForPolicy & { intervention: string };
  /** Open a claim for this TKSK. */
  'claim.create': ClaimForPolicy;
  /** Confirm this privileged request: an admin who did not make it. */
  'privileged.confirm': PrivilegedRequestForPolicy;
}
type ResourceOf<A extends Action | 'task.complete'> = A extends keyof Resources ? Resources[A] : string;

/** The decision for an action, on a resource (a region code, or the thing of `Resources`) when given. */
export function decide<A extends Action | 'task.complete'>(actor: Actor, action: A, resource?: ResourceOf<A>): Decision {
  if (action === 'task.complete') return resource === undefined ? deny('no task given') : canCompleteTask(actor, resource as TaskForPolicy);
  if (action === 'case.intervene' && resource !== undefined) {
    const { intervention, ...c } = resource as Resources['case.intervene'];
    return canIntervene(actor, intervention, c);
  }
  if (action === 'claim.create' && resource !== undefined) return canOpenClaim(actor, resource as ClaimForPolicy);
  if (action === 'privileged.confirm' && resource !== undefined) return canConfirmPrivileged(actor, resource as PrivilegedRequestForPolicy);
  return can(actor, action as Action, resource as string | undefined);
}

/** A refused action; the API answers it with 403 problem+json. */
export class AuthorizationError extends Error {
  override readonly name = 'AuthorizationError';
}

/** Throws AuthorizationError (with the reason) unless the actor may do this. */
export function authorize<A extends Action | 'task.complete'>(actor: Actor, action: A, resource?: ResourceOf<A>): void {
  const d = decide(actor, action, resource);
  if (!d.ok) throw new AuthorizationError(d.reason);
}
