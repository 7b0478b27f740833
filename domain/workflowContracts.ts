// Inputs and answers of the workflows' start, Updates and queries, parsed by zod on both sides.
import type { AssignmentSnapshot } from './tkskAssignment';
import { z } from 'zod';
import { isoDateTimeSchema } from './primitives';
import { caseRegistrationSchema, caseStatusSchema, type CaseStatus } from './case';
import { actorSchema } from './roles';
import { referralSchema, taskTypeSchema, type ReferralStatus, type TaskType } from './taskTypes';
import type { ClaimStatus } from './taliAsih';
import type { ComplaintSnapshot, KpmFixSnapshot, SanctionSnapshot, SembakoPeriodSnapshot } from './sembako';
import type { MeetingSnapshot, MonthlyReportSnapshot } from './koordinasi';

export const caseWorkflowInputSchema = z.object({
  caseId: z.string().min(1),
  /** Operational tuning, never set by the API: continue-as-new after this many history events. */
  historyLimit: z.number().int().min(20).optional(),
  registration: caseRegistrationSchema,
  registeredBy: actorSchema,
  /** Region chain of the beneficiary's desa. */
  regions: z.object({ provinsi: z.string(), kabupaten: z.string(), kecamatan: z.string(), desa: z.string() }),
  registeredAt: isoDateTimeSchema,
});
export type CaseWorkflowInput = z.infer<typeof caseWorkflowInputSchema>;

export const completeTaskInputSchema = z.object({
  taskId: z.string().min(1),
  actor: actorSchema,
  outcome: z.string().optional(),
  data: z.unknown(),
});
export type CompleteTaskInput = z.infer<typeof completeTaskInputSchema>;

export interface OpenTaskSummary {
  taskId: string;
  type: TaskType;
  regionCode: string;
  assigneeId: string | null;
  dueAt: string | null;
}

export interface ReferralSummary {
  referralId: string;
  workflowId: string;
  status: ReferralStatus;
  destinationType: string;
  institutionName: string;
}

export interface PendingIntervention {
  interventionId: string;
  action: string;
  payload: Record<string, unknown>;
  requestedBy: { id: string; username: string; role: string };
  requestedAt: string;
}

export interface CaseSnapshot {
  caseId: string;
  status: CaseStatus;
  step: string;
  assigneeId: string;
  closedReason: string | null;
  paused: boolean;
  openTasks: OpenTaskSummary[];
  referrals: ReferralSummary[];
  pendingInterventions: PendingIntervention[];
}

/** Input of rujukanWorkflow: one referral, as a child of its case. */
export const referralInputSchema = z.object({
  referralId: z.string().min(1),
  caseId: z.string().min(1),
  parentWorkflowId: z.string().min(1),
  regions: z.object({ kabupaten: z.string(), kecamatan: z.string() }),
  assigneeId: z.string(),
  referral: referralSchema,
  requestedBy: actorSchema,
  paused: z.boolean(),
});
export type ReferralInput = z.infer<typeof referralInputSchema>;

export interface TaskCompletionResult {
  taskId: string;
  type: TaskType;
  outcome: string | null;
  completedAt: string;
  actorId: string;
  /** The case after the workflow has acted on the decision (next task created or case closed). */
  case?: CaseSnapshot;
  /** For tali asih tasks: the claim after the decision. */
  claim?: ClaimSnapshot;
  /** For Sembako complaint tasks: the complaint after the decision. */
  complaint?: ComplaintSnapshot;
  /** For Sembako period tasks: the period after the decision. */
  period?: SembakoPeriodSnapshot;
  sanction?: SanctionSnapshot;
  /** For KPM data fix reviews: the fix after the decision. */
  kpmFix?: KpmFixSnapshot;
  /** For koordinasi action items: the meeting after the decision. */
  meeting?: MeetingSnapshot;
  /** For monthly report tasks: the report after the decision. */
  report?: MonthlyReportSnapshot;
}

/** Failure types a workflow's Update validator (or handler) refuses with; the API maps them to HTTP statuses. */
export type RefusalType =
  | 'TaskNotOpen'
  /** The case's state does not allow it now (paused, closed, already pending…). */
  | 'Conflict'
  | 'Forbidden'
  /** The payload does not match its schema: details[0] lists the issues. */
  | 'InvalidPayload'
  /** Someone else holds the task's claim (decision 0025). */
  | 'TaskClaimed';

export { caseStatusSchema, taskTypeSchema };

export type { ClaimStatus };

export interface ClaimSnapshot {
  claimId: string;
  tkskId: string;
  period: string;
  status: ClaimStatus;
  total: number;
  rejectedReason: string | null;
  openTasks: OpenTaskSummary[];
}

/** What a workflow answers about itself after a task decision. */
export type WorkflowSnapshot =
  | { case: CaseSnapshot }
  | { claim: ClaimSnapshot }
  | { complaint: ComplaintSnapshot }
  | { period: SembakoPeriodSnapshot }
  | { sanction: SanctionSnapshot }
  | { assignment: AssignmentSnapshot }
  | { kpmFix: KpmFixSnapshot }
  | { meeting: MeetingSnapshot }
  | { report: MonthlyReportSnapshot };
