// The one place that names the workflows' Updates, signals, queries and search-attribute keys.
// The API imports these definitions to call them; workflows import them to handle them.
import { defineSearchAttributeKey } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ActorSeal } from '../domain/seal';
import type { AuditAnchor } from '../domain/audit';
import type { ConfirmInput, InterveneInput, InterventionResult } from '../domain/interventions';
import type { BulkReassignStatus } from '../domain/bulk';
import type { Actor } from '../domain/roles';
import type { CaseSnapshot, ClaimSnapshot, CompleteTaskInput, TaskCompletionResult } from '../domain/workflowContracts';
import type { AssignmentAction, AssignmentSnapshot } from '../domain/tkskAssignment';
import type { ComplaintActionInput, ComplaintSnapshot, KpmFixSnapshot, SanctionSnapshot, SembakoPeriodSnapshot } from '../domain/sembako';
import type { MeetingSnapshot, MonthlyReportSnapshot } from '../domain/koordinasi';
import type { ClaimTaskInput, ClaimTaskResult } from '../domain/tasklist';

/** A signal's argument with the seal kesos-flow puts on it (workflows/seal.ts). */
type Sealable<T> = T & { seal?: ActorSeal };

/** Complete a human task; validated by role, region, assignment, four-eyes and payload schema. */
export const completeTaskUpdate = defineUpdate<TaskCompletionResult, [CompleteTaskInput]>('completeTask');

/** Returns once the case is registered (its row and first task written): lets POST /api/cases answer synchronously. */
export const registeredUpdate = defineUpdate<CaseSnapshot, []>('registered');

/** A supervisor intervention (reassign, pause, resume, extend-deadline, cancel, reopen, note). */
export const interveneUpdate = defineUpdate<InterventionResult & { case: CaseSnapshot }, [InterveneInput]>('intervene');

/** A second supervisor confirms (or declines) a pending destructive intervention. */
export const confirmInterventionUpdate = defineUpdate<InterventionResult & { case: CaseSnapshot }, [ConfirmInput]>('confirmIntervention');

export const caseSnapshotQuery = defineQuery<CaseSnapshot>('caseSnapshot');

/** rujukanWorkflow → its case: the referral has ended. */
export const referralClosedSignal = defineSignal<[Sealable<{ referralId: string; status: 'served' | 'not_served' | 'cancelled' }>]>('referralClosed');
/** case → its open referrals: follow the case's assignee and clocks. */
export const referralAssigneeSignal = defineSignal<[Sealable<{ assigneeId: string }>]>('referralAssignee');
export const referralPausedSignal = defineSignal<[Sealable<{ paused: boolean; at: string }>]>('referralPaused');

export const SA = {
  caseStatus: defineSearchAttributeKey('CaseStatus', 'KEYWORD'),
  pmksCode: defineSearchAttributeKey('PmksCode', 'KEYWORD'),
  kecamatanCode: defineSearchAttributeKey('KecamatanCode', 'KEYWORD'),
  kabupatenCode: defineSearchAttributeKey('KabupatenCode', 'KEYWORD'),
  assignedTksk: defineSearchAttributeKey('AssignedTksk', 'KEYWORD'),
  overdue: defineSearchAttributeKey('Overdue', 'BOOL'),
  complaintStatus: defineSearchAttributeKey('ComplaintStatus', 'KEYWORD'),
  complaintCategory: defineSearchAttributeKey('ComplaintCategory', 'KEYWORD'),
};

/** Bulk reassignment: progress, and the second supervisor's confirmation when policy asks. */
export const bulkStatusQuery = defineQuery<BulkReassignStatus>('bulkStatus');
export const confirmBulkUpdate = defineUpdate<BulkReassignStatus, [{ actor: Actor; approve: boolean }]>('confirmBulk');

/** Tali asih: the claim as the workflow sees it, and a nudge when its provinsi's budget changes. */
export const claimSnapshotQuery = defineQuery<ClaimSnapshot>('claimSnapshot');
// Histories from before signals were sealed hold it without an argument.
export const budgetChangedSignal = defineSignal<[Sealable<object>?]>('budgetChanged');
/** Returns once the claim row and its report task exist: lets POST /api/tali-asih/claims answer synchronously. */
export const claimOpenedUpdate = defineUpdate<ClaimSnapshot, []>('claimOpened');

/**
 * The province reissues a claim's cancelled payment (status payment_cancelled) once the account is
 * fixed: the components not yet paid are reserved again and disbursed. Sealed actor, a note why.
 */
export const reissuePaymentUpdate = defineUpdate<ClaimSnapshot, [{ actor: Actor; note: string }]>('reissuePayment');

/** The audit chain's anchors (workflows/anchors.ts): one long-running workflow keeps them, outside PostgreSQL. */
export const AUDIT_ANCHORS_WORKFLOW_ID = 'kesos-audit-anchors';
export const auditAnchorsQuery = defineQuery<{ anchors: AuditAnchor[] }>('auditAnchors');
/** Reads the chain head from PostgreSQL and keeps it as an anchor; null while the chain is empty. */
export const takeAuditAnchorUpdate = defineUpdate<AuditAnchor | null, []>('takeAuditAnchor');

/** Sembako complaints (workflows/complaint.ts): the complaint as the workflow sees it. */
export const complaintSnapshotQuery = defineQuery<ComplaintSnapshot>('complaintSnapshot');
/** Returns once the complaint row and its first task exist: lets POST /api/complaints answer synchronously. */
export const complaintOpenedUpdate = defineUpdate<ComplaintSnapshot, []>('complaintOpened');
/** A note on, or the withdrawal of, a running complaint (sealed: it acts in someone's name). */
export const complaintActionUpdate = defineUpdate<ComplaintSnapshot, [ComplaintActionInput]>('complaintAction');

/** A Sembako distribution period of a kecamatan (workflows/sembakoPeriod.ts). */
export const sembakoPeriodSnapshotQuery = defineQuery<SembakoPeriodSnapshot>('sembakoPeriodSnapshot');
/** Returns once the period's row and its Tikor task exist: lets POST /api/sembako/periods answer synchronously. */
export const sembakoPeriodOpenedUpdate = defineUpdate<SembakoPeriodSnapshot, []>('sembakoPeriodOpened');

/** A sanction recommendation about an e-warong (workflows/sanction.ts). */
export const sanctionSnapshotQuery = defineQuery<SanctionSnapshot>('sanctionSnapshot');
/** Returns once the proposal's row and its approval task exist: lets POST /api/sembako/sanctions answer synchronously. */
export const sanctionProposedUpdate = defineUpdate<SanctionSnapshot, []>('sanctionProposed');
/** A TKSK's assignment (workflows/tkskAssignment.ts, id assignment-<userId>). */
export const tkskAssignmentSnapshotQuery = defineQuery<AssignmentSnapshot>('tkskAssignmentSnapshot');
/** A new SK for the same TKSK, or the end of the assignment (sealed: it acts in someone's name). */
export const tkskAssignmentActionUpdate = defineUpdate<AssignmentSnapshot, [AssignmentAction]>('tkskAssignmentAction');
/** Returns once the assignment's row is written: lets POST /api/tksk-assignments answer synchronously. */
export const tkskAssignmentRecordedUpdate = defineUpdate<AssignmentSnapshot, []>('tkskAssignmentRecorded');
/** A proposed KPM data fix (workflows/kpmDataFix.ts, id kpm-fix-<fixId>). */
export const kpmFixSnapshotQuery = defineQuery<KpmFixSnapshot>('kpmFixSnapshot');
/** Returns once the review task exists: lets POST /api/sembako/kpm/:id/fixes answer synchronously. */
export const kpmFixProposedUpdate = defineUpdate<KpmFixSnapshot, []>('kpmFixProposed');

/** A koordinasi meeting (workflows/meeting.ts, id rapat-<meetingId>). */
export const meetingSnapshotQuery = defineQuery<MeetingSnapshot>('meetingSnapshot');
/** Returns once the meeting's row and its action items' tasks exist: lets POST /api/meetings answer synchronously. */
export const meetingRecordedUpdate = defineUpdate<MeetingSnapshot, []>('meetingRecorded');
/** A TKSK's monthly report (workflows/monthlyReport.ts, id laporan-<userId>-<YYYY-MM>). */
export const monthlyReportSnapshotQuery = defineQuery<MonthlyReportSnapshot>('monthlyReportSnapshot');
/** Returns once the report is compiled and its narrative task exists: lets POST /api/monthly-reports answer synchronously. */
export const monthlyReportOpenedUpdate = defineUpdate<MonthlyReportSnapshot, []>('monthlyReportOpened');
/**
 * Claim, release or take over a task offered to a role (decision 0025), on the task's own
 * workflow so that its completion validator knows the claimant. Sealed: it acts in someone's name.
 */
export const claimTaskUpdate = defineUpdate<ClaimTaskResult, [ClaimTaskInput]>('claimTask');
