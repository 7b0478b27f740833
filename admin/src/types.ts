import type { TaskPriority } from '../../domain/tasklist';
// Shapes of what the API returns, as far as the portal reads them, in one place. The closed
// vocabularies (statuses, types, roles, codes) are domain's own types; type-only imports, so
// nothing of domain/ is bundled through this file.
import type { PrivilegedKind, PrivilegedStatus } from '../../domain/access';
import type { BulkReassignStatus } from '../../domain/bulk';
import type { CaseClosedReason, CaseStatus, ConsentBasis, Sex } from '../../domain/case';
import type { Intervention } from '../../domain/interventions';
import type { PmksCode } from '../../domain/pmks';
import type { RegionLevel } from '../../domain/regions';
import type { LKS_ACCREDITATIONS, PemetaanKind, PemetaanSource, PSKS_SERVICE_AREAS, PsksKind } from '../../domain/psks';
import type { Role } from '../../domain/roles';
import type { ClaimComponent as DomainClaimComponent, ClaimStatus, ComponentStatus, FundingSource } from '../../domain/taliAsih';
import type { Outcome, ReferralStatus, TaskStatus, TaskType, TaskTypeInfo as DomainTaskTypeInfo } from '../../domain/taskTypes';
import type { AuditFacts } from '../../domain/audit';
import type { ActionItemStatus, AttachmentKind, MeetingLevel, MeetingStatus, MonthlyCounts, MonthlyReportStatus } from '../../domain/koordinasi';
import type {
  ComplaintAnswerer,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintStatus,
  KpmFixKind,
  KpmFixStatus,
  KpmInactiveReason,
  KpmStatus,
  SembakoChannel,
  SembakoPeriodStatus,
} from '../../domain/sembako';

export type { InterventionResult } from '../../domain/interventions';
import type { AssignmentStatus, EndReason, EvaluationCriterion, EvaluationFigures, EvaluationOutcome, ROSTER_STATUSES } from '../../domain/tkskAssignment';
type RosterStatus = (typeof ROSTER_STATUSES)[number];

export interface TaskRecord {
  id: string;
  workflowId: string;
  caseId: string | null;
  type: TaskType;
  candidateRole: Role;
  regionCode: string;
  assigneeId: string | null;
  submittedBy: string | null;
  status: TaskStatus;
  context: Record<string, unknown> | null;
  createdAt: string;
  dueAt: string | null;
  overdue: boolean;
  completedAt: string | null;
  outcome: Outcome | null;
  data: Record<string, unknown> | null;
  actorId: string | null;
  /** Tasklist (decision 0025): who claimed it, its priority and follow-up date. */
  claimedBy?: string | null;
  claimedAt?: string | null;
  priority?: TaskPriority;
  followUpAt?: string | null;
}

/** A comment on a task (GET /api/tasks/:id/comments). */
export interface TaskCommentRecord {
  id: string;
  taskId: string;
  authorId: string;
  text: string;
  createdAt: string;
  mentions: string[];
}

/** An entry of a task's history (GET /api/tasks/:id/history). */
export interface TaskHistoryEntry {
  id: number;
  at: string;
  action: string;
  actorId: string | null;
  actorRole: string | null;
  details: Record<string, unknown>;
}

/** A saved inbox filter (GET /api/saved-filters). */
export interface SavedFilterRecord {
  id: string;
  ownerId: string;
  name: string;
  filter: Record<string, unknown>;
  sharedRole: string | null;
  sharedRegionCode: string | null;
  mine: boolean;
}

export interface CaseRecord {
  id: string;
  workflowId: string;
  status: CaseStatus;
  step: string | null;
  paused: boolean;
  overdue: boolean;
  closedReason: CaseClosedReason | null;
  pmksCode: PmksCode;
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  assigneeId: string | null;
  registeredBy: string;
  createdAt: string;
  updatedAt: string;
  beneficiary: { nik: string; name?: string; birthDate?: string; sex?: Sex; address?: string };
  summary?: string;
  consent?: { basis: ConsentBasis; givenBy?: string; relationship?: string; note?: string };
  tasks?: TaskRecord[];
  openTasks?: TaskRecord[];
  referrals?: ReferralRecord[];
  pendingInterventions?: PendingIntervention[];
  anonymised?: boolean;
}

/** A rujukan (GET /api/cases/:id embeds them). */
export interface ReferralRecord {
  id: string;
  workflowId: string;
  destinationType: string;
  institutionName: string;
  reason: string;
  urgency: string;
  status: ReferralStatus;
  requestedBy: string;
  createdAt: string;
  closedAt: string | null;
  outcome: Record<string, unknown> | null;
}

/** A four-eyes request waiting for a second supervisor. */
export interface PendingIntervention {
  interventionId: string;
  action: Intervention;
  payload: Record<string, unknown>;
  requestedBy: string;
  requestedAt: string;
}

/** A stipend claim (GET /api/tali-asih/claims/:id adds components and tasks). Amounts are whole rupiah. */
export interface ClaimRecord {
  id: string;
  tkskId: string;
  tkskName: string;
  period: string;
  status: ClaimStatus;
  kecamatanCode: string;
  kabupatenCode: string;
  provinsiCode: string;
  fundingSource: FundingSource;
  activity: Record<string, unknown>;
  narrative: string | null;
  totalAmount: number;
  paidAmount: number;
  rejectedReason: string | null;
  createdAt: string;
  updatedAt: string;
  components?: ClaimComponent[];
  tasks?: TaskRecord[];
  openTasks?: TaskRecord[];
  /** The TKSK's account now, masked (GET /api/tali-asih/claims/:id only). */
  bankAccount?: string | null;
}

export interface ClaimComponent extends DomainClaimComponent {
  status: ComponentStatus;
  paymentRef: string | null;
  paidAt: string | null;
  failure: string | null;
  /** The provider's error code, worded by the portal (PAYMENT_FAILURE_CODES). */
  failureCode: string | null;
}

/** A provinsi's allocation for a period and funding source; id `<provinsi>:<period>:<source>`. */
export interface BudgetRecord {
  id: string;
  provinsiCode: string;
  period: string;
  fundingSource: FundingSource;
  allocated: number;
  reserved: number;
  paid: number;
  available: number;
}

/** GET /api/task-types: domain's table plus the JSON Schema of `{outcome, data}`. */
export interface TaskTypeInfo extends DomainTaskTypeInfo {
  id: string;
  schema: unknown;
}

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  disabled: boolean;
  createdAt?: string;
}

/** GET /api/admin/privileged-requests (api/privileged/schema.ts): what waits for a second admin. */
export interface PrivilegedRequest {
  id: string;
  kind: PrivilegedKind;
  status: PrivilegedStatus;
  summary: { username?: string; displayName?: string; role?: Role; regionCode?: string | null; nik?: string; changes?: Record<string, unknown> };
  reason: string;
  targetUserId: string | null;
  requestedBy: string;
  requestedAt: string;
  expiresAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  result?: UserRecord;
}

export interface AuditRecord extends AuditFacts {
  id: string;
  /** The actor's display name; null for the system. */
  actorName: string | null;
  seq: string;
  at: string;
  prevHash: string;
  hash: string;
}

/** The body of POST /api/tasks/:id/complete. */
export interface TaskCompletion {
  outcome?: string;
  data: Record<string, unknown>;
}

/** GET /api/bulk-operations/:id (and the 202 answer that starts one). */
export type BulkOperation = Pick<BulkReassignStatus, 'operationId' | 'state' | 'total' | 'reassigned'>;

/** GET /api/cases/:id/timeline: audit rows as sentences (api/cases/timeline.ts). */
export interface TimelineEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  text: string;
}

export interface ChainVerification {
  ok: boolean;
  rows: number;
  firstBroken?: { seq: string; reason: string };
  /** The reasons and notes kept beside the chain, against their chained digests. */
  texts?: { ok: boolean; rows: number; firstBroken?: { eventKey: string; field: string } };
  /** The chain heads anchored in Temporal that were compared. */
  anchors?: { checked: number; latestAt: string | null; ok: boolean };
  verifiedAt: string;
}

/** GET /api/reports/summary (api/reports/schema.ts); amounts in whole rupiah. */
export interface ReportSummary {
  generatedAt: string;
  cases: number;
  paused: number;
  byPmks: { key: string; count: number }[];
  byStatus: { key: string; count: number }[];
  byKecamatan: { key: string; count: number }[];
  openTasks: number;
  overdueTasks: number;
  overdueByType: { key: string; count: number }[];
  slaBreaches: number;
  stipendByPeriod?: { period: string; claims: number; claimed: number; approved: number; paid: number }[];
}

/** GET /api/tali-asih/reconciliation?period= (one row per provinsi in the caller's scope). */
export interface ReconciliationRow {
  provinsiCode: string;
  period: string;
  approved: number;
  paid: number;
  pending: number;
  balanced: boolean;
  claimsPaid: number;
  claimsInReview: number;
  budget: { allocated: number; reserved: number; paid: number } | null;
  budgetMatchesPayments: boolean;
}

/** GET /api/people: a colleague's name (api/directory). */
export interface PersonRecord {
  id: string;
  displayName: string;
  role: Role;
}

/** GET /api/regions: a Kemendagri region; `id` is its code. */
export interface RegionRecord {
  id: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** GET /api/reports/sembako (api/reports/schema.ts). */
export interface SembakoReport {
  generatedAt: string;
  realisation: {
    kecamatanCode: string;
    kecamatanName: string;
    period: string;
    status: string;
    pointsMonitored: number;
    kpmListed: number;
    kpmServed: number;
    rate: number | null;
  }[];
  cardProblems: { bank: string; kind: string; count: number }[];
  complaintsByCategory: { key: string; open: number; total: number }[];
  openComplaints: number;
  openComplaintsByAge: { key: string; count: number }[];
  openPeriodsByStatus: { key: string; count: number }[];
}

/** A Sembako complaint (GET /api/complaints, api/complaints/schema.ts); the detail adds description, tasks and events. */
export interface ComplaintRecord {
  id: string;
  workflowId: string;
  status: ComplaintStatus;
  channel: ComplaintChannel;
  laporReference: string | null;
  category: ComplaintCategory;
  /** YYYY-MM-DD */
  receivedOn: string;
  subject: { kind: 'kpm' | 'e_warong' | 'umum'; kpmId: string | null; name: string | null; desaCode: string | null };
  /** Name and phone null unless the reader is the kecamatan's TKSK or the kabupaten supervisor. */
  complainant: { name: string | null; phone: string | null; isKpm: boolean };
  answerer: { type: ComplaintAnswerer; name: string } | null;
  kecamatanCode: string;
  kabupatenCode: string;
  assigneeId: string | null;
  receivedBy: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Present when the API marks it (an overdue open step); the board also reads the overdue tasks. */
  overdue?: boolean;
  description?: string;
  resolution?: Record<string, unknown> | null;
  tasks?: {
    id: string;
    type: string;
    status: string;
    assigneeId: string | null;
    dueAt: string | null;
    overdue: boolean;
    outcome: string | null;
    createdAt: string;
    completedAt: string | null;
  }[];
  events?: { at: string; action: string; actorId: string | null; actorRole: string; details: Record<string, unknown> }[];
}

/** GET /api/sembako/kpm: a KPM of the register; numbers masked or not, as the API decides. */
export interface KpmRecord {
  id: string;
  idKpm: string;
  idPengurus: string | null;
  kksNumber: string | null;
  kkNumber: string;
  pengurusNik: string;
  /** Left out of auditors' lists. */
  pengurusName?: string;
  pkhStatus: 'pkh' | 'non_pkh';
  channel: SembakoChannel;
  bank: string | null;
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  status: KpmStatus;
  statusReason: KpmInactiveReason | null;
  lastImportId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/sembako/kpm/fixes: a proposed data fix of a KPM (the corrected NIK masked as the register's numbers). */
export interface KpmFixRecord {
  id: string;
  workflowId: string;
  kpmId: string;
  idKpm: string;
  pengurusName?: string;
  kind: KpmFixKind;
  targetDesaCode: string | null;
  correctedNik: string | null;
  duplicateOf: string | null;
  duplicateIdKpm: string | null;
  reason: string;
  status: KpmFixStatus;
  rejectReason: string | null;
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  proposedBy: string;
  proposedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** POST /api/sembako/kpm/imports: the row-by-row report (also inside the 422 problem). */
export interface KpmImportReport {
  importId: string | null;
  kecamatanCode: string;
  dryRun: boolean;
  fileSha256: string;
  counts: { rows: number; created: number; updated: number; unchanged: number; invalid: number; missing: number };
  rows: {
    index: number;
    line: number | null;
    idKpm: string;
    action: 'created' | 'updated' | 'unchanged' | 'invalid';
    changedColumns?: string[];
    errors: { column: string; pointer: string; message: string }[];
  }[];
  missingIds: string[];
}

/** GET /api/sembako/periods: a distribution period of a kecamatan (realisation fields when the API has them). */
export interface SembakoPeriodRecord {
  id: string;
  period: string;
  kecamatanCode: string;
  kabupatenCode: string;
  status: SembakoPeriodStatus;
  points: { pointId: string; name: string; kind: string; desaCode: string }[];
  checklist: { itemId: string; label: string }[];
  /** Null when the kabupaten's distribution calendar opened it. */
  openedBy: string | null;
  createdAt: string;
  updatedAt: string;
  kpmListed?: number | null;
  kpmServed?: number | null;
  /** 0..1, or a percentage: rendered by realisationLabel(). */
  realisation?: number | null;
  cardProblems?: number | null;
  openComplaints?: number | null;
}

/** GET /api/sembako/calendar: a period's planned distribution start on a kabupaten's calendar. */
export interface SembakoCalendarRecord {
  id: string;
  kabupatenCode: string;
  kabupatenName: string | null;
  period: string;
  plannedStart: string;
  channel: 'kks' | 'pos' | null;
  leadWorkingDays: number;
  opensOn: string;
  note: string | null;
  createdBy: string;
  createdAt: string;
  openedAt: string | null;
  openResult: { opened: string[]; existing: string[]; skipped: { kecamatanCode: string; reason: string }[] } | null;
  scheduleId: string;
}

/** GET /api/tksk-assignments: a TKSK's latest assignment (id = the TKSK's user id); docs/tksk-assignment.md. */
export interface TkskAssignmentRecord {
  id: string;
  assignmentId: string;
  userId: string;
  displayName: string;
  skNumber: string;
  skDate: string | null;
  kecamatanCode: string;
  kecamatanName: string;
  kabupatenCode: string;
  startDate: string | null;
  endDate: string | null;
  status: AssignmentStatus;
  rosterStatus: RosterStatus;
  outcome: EvaluationOutcome | null;
  endReason: EndReason | null;
  endedOn: string | null;
  successorId: string | null;
  updatedAt: string;
}

/** An appraisal as the workflow records it in the evaluation. */
export interface TkskAppraisal {
  outcome: EvaluationOutcome;
  actorId: string;
  scores: { criterionId: string; score: number }[];
  notes?: string;
  coachingPlan?: string;
}

/** A year's evaluation: the outcome that holds, whether both agreed, each appraisal (and the instrument, when recorded). */
export interface TkskEvaluation {
  outcome: EvaluationOutcome;
  agreed: boolean;
  appraisals: TkskAppraisal[];
  criteria?: EvaluationCriterion[];
  figures?: EvaluationFigures;
  year?: { from: string; to: string };
}

/** GET /api/tksk-assignments/:userId: every period and the timeline of its audit rows. */
export interface TkskAssignmentDetail extends TkskAssignmentRecord {
  assignments: (TkskAssignmentRecord & { evaluation: TkskEvaluation | null })[];
  timeline: { at: string; action: string; actorId: string | null; actorRole: string | null; assignmentId: string; details: Record<string, unknown> }[];
}

/** GET /api/tksk-assignments/vacancies: a current kecamatan without an active assignment. */
export interface TkskVacancyRecord {
  id: string;
  code: string;
  name: string;
  kabupatenCode: string;
}

// ---- PSKS directory and pemetaan sosial (api/psks/schema.ts, api/pemetaan/schema.ts)

/** GET /api/psks-types: `id` is the type code. */
export interface PsksTypeRecord {
  id: string;
  version: string;
  no: number;
  nameId: string;
  nameEn: string;
  kind: PsksKind;
}

/** A referral (rujukan) a PSKS entry received. */
export interface PsksReferral {
  referralId: string;
  caseId: string;
  destinationType: string;
  urgency: string;
  status: ReferralStatus;
  answered: boolean;
  requestedBy: string;
  createdAt: string;
  closedAt: string | null;
}

/** GET /api/psks/:id (the list has no `referrals`). */
export interface PsksRecord {
  id: string;
  typeCode: string;
  typeVersion: string;
  name: string;
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  serviceArea: (typeof PSKS_SERVICE_AREAS)[number];
  address: string | null;
  contactName: string | null;
  contactPhone: string | null;
  capacity: number | null;
  services: string | null;
  registrationNumber: string | null;
  accreditation: (typeof LKS_ACCREDITATIONS)[number] | null;
  active: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  referrals?: PsksReferral[];
}

export interface PemetaanCell {
  kind: PemetaanKind;
  code: string;
  source: PemetaanSource;
  count: number;
  asOf: string;
  desaCounted: number | null;
}

/** GET /api/pemetaan/history: one recorded count of a desa's cell. */
export interface PemetaanHistoryRecord {
  id: string;
  desaCode: string;
  kind: PemetaanKind;
  code: string;
  source: 'lapangan' | 'impor';
  count: number;
  asOf: string;
  note: string | null;
  importId: string | null;
  recordedBy: string;
  recordedAt: string;
  previousCount: number | null;
}

/** GET /api/pemetaan?region= */
export interface PemetaanMatrix {
  region: { code: string; name: string; level: RegionLevel };
  rowLevel: RegionLevel;
  asOf: string;
  pmksVersion: string;
  psksVersion: string;
  categories: { ppks: { code: string; nameId: string; nameEn: string }[]; psks: { code: string; nameId: string; nameEn: string }[] };
  rows: { code: string; name: string; cells: PemetaanCell[] }[];
  totals: PemetaanCell[];
}

// ---- Koordinasi meetings and monthly reports (api/meetings, api/monthlyReports) ----

/** GET /api/meetings: a meeting in a list. */
export interface MeetingRecord {
  id: string;
  workflowId: string;
  level: MeetingLevel;
  title: string;
  heldOn: string;
  place: string | null;
  chair: string;
  status: MeetingStatus;
  regionCode: string;
  kecamatanCode: string | null;
  kabupatenCode: string;
  recordedBy: string;
  createdAt: string;
  completedAt: string | null;
  actionItemsTotal: number;
  actionItemsDone: number;
}

/** GET /api/meetings/:id */
export interface MeetingDetailRecord extends MeetingRecord {
  agenda: string[];
  decisions: string[];
  attendeeIds: string[];
  outsideAttendees: { name: string; role: string; organisation: string }[];
  psksReferences: string[];
  links: { kind: string; ref: string }[];
  actionItems: {
    id: string;
    position: number;
    description: string;
    ownerId: string;
    dueWorkingDays: number | null;
    status: ActionItemStatus;
    result: string | null;
    doneOn: string | null;
    completedBy: string | null;
    completedAt: string | null;
    task: { id: string; type: string; status: TaskStatus; dueAt: string | null; overdue: boolean; escalationLevel: number } | null;
  }[];
  attachments: {
    id: string;
    kind: AttachmentKind;
    fileName: string;
    contentType: string;
    sizeBytes: number;
    sha256: string;
    uploadedBy: string;
    createdAt: string;
  }[];
}

/** GET /api/monthly-reports(/:id) */
export interface MonthlyReportRecord {
  id: string;
  tkskId: string;
  period: string;
  status: MonthlyReportStatus;
  counts: MonthlyCounts;
  kecamatanCode: string;
  kabupatenCode: string;
  returns: number;
  returnReason: string | null;
  compiledAt: string;
  submittedAt: string | null;
  reviewedBy: string | null;
  approvedAt: string | null;
  narrative?: string | null;
  kendala?: string | null;
  details?: Record<string, { id: string; on: string; text: string }[]>;
  tasks?: {
    id: string;
    type: string;
    status: TaskStatus;
    assigneeId: string | null;
    dueAt: string | null;
    overdue: boolean;
    outcome: string | null;
    createdAt: string;
    completedAt: string | null;
  }[];
}
