// Closed vocabularies of the API (domain/case.ts, domain/taskTypes.ts, domain/roles.ts) and
// react-admin choices for them; the labels live in the i18n messages under `kesos.*`.

export const CASE_STATUSES = ['assessment', 'assessment_review', 'pendampingan', 'closure_review', 'aftercare', 'closed', 'cancelled'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const TASK_TYPES = [
  'asesmen',
  'assessment_approval',
  'pendampingan_visit',
  'rujukan_feedback',
  'closure_approval',
  'bimbingan_lanjut',
  'sla_escalation',
  'tali_asih_report',
  'tali_asih_verification',
  'tali_asih_approval',
  'tali_asih_payment_issue',
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const TASK_STATUSES = ['open', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const OUTCOMES = ['approve', 'return', 'reject', 'continue', 'refer', 'propose_closure', 'served', 'not_served', 'retry', 'cancel'] as const;

/** Tali asih claim statuses (PRODUCT.md §6) and funding sources (api/taliAsih/schema.ts). */
export const CLAIM_STATUSES = ['report', 'verification', 'approval', 'awaiting_budget', 'disbursing', 'paid', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const FUNDING_SOURCES = ['APBN', 'APBD'] as const;

export const CONSENT_BASES = ['self', 'guardian', 'lawful_basis'] as const;

export const SEXES = ['L', 'P'] as const;

export const CLOSURE_REASONS = ['goals_met', 'referred_out', 'moved_away', 'deceased', 'refused_services', 'duplicate', 'other'] as const;

export const ROLES = ['tksk', 'supervisor_kabupaten', 'supervisor_provinsi', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** `{id, name}` choices whose names are i18n keys (react-admin translates them). */
export const choices = (values: readonly string[], prefix: string) => values.map((id) => ({ id, name: `${prefix}.${id}` }));

/** All dates are shown the Indonesian way, whatever the UI language. */
export const DATE_LOCALE = 'id-ID';
export const DATE_TIME_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
export const DATE_OPTIONS: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

/** Shape of the records the API returns (only what the portal reads). */
export interface TaskRecord {
  id: string;
  workflowId: string;
  caseId: string | null;
  type: TaskType;
  candidateRole: Role;
  regionCode: string | null;
  assigneeId: string | null;
  submittedBy: string | null;
  status: TaskStatus;
  context: Record<string, unknown> | null;
  createdAt: string;
  dueAt: string | null;
  overdue: boolean;
  completedAt: string | null;
  outcome: string | null;
  data: Record<string, unknown> | null;
  actorId: string | null;
}

export interface CaseRecord {
  id: string;
  workflowId: string;
  status: CaseStatus;
  step: string | null;
  paused: boolean;
  overdue: boolean;
  closedReason: string | null;
  pmksCode: string;
  desaCode: string;
  kecamatanCode: string;
  kabupatenCode: string;
  assigneeId: string | null;
  registeredBy: string;
  createdAt: string;
  updatedAt: string;
  beneficiary: { nik: string; name?: string; birthDate?: string; sex?: 'L' | 'P'; address?: string };
  summary?: string;
  consent?: { basis: string; givenBy?: string; relationship?: string; note?: string };
  tasks?: TaskRecord[];
  openTasks?: TaskRecord[];
  referrals?: ReferralRecord[];
  pendingInterventions?: PendingIntervention[];
  anonymised?: boolean;
}

export const REFERRAL_STATUSES = ['open', 'served', 'not_served', 'cancelled'] as const;

/** A rujukan (GET /api/cases/:id embeds them). */
export interface ReferralRecord {
  id: string;
  workflowId: string;
  destinationType: string;
  institutionName: string;
  reason: string;
  urgency: string;
  status: (typeof REFERRAL_STATUSES)[number];
  requestedBy: string;
  createdAt: string;
  closedAt: string | null;
  outcome: Record<string, unknown> | null;
}

/** A four-eyes request waiting for a second supervisor. */
export interface PendingIntervention {
  interventionId: string;
  action: string;
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
  fundingSource: string;
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
}

export interface ClaimComponent {
  component: string;
  label: string;
  amount: number;
  status: 'pending' | 'reserved' | 'paid' | 'failed' | 'cancelled';
  paymentRef: string | null;
  paidAt: string | null;
  failure: string | null;
}

/** A provinsi's allocation for a period and funding source; id `<provinsi>:<period>:<source>`. */
export interface BudgetRecord {
  id: string;
  provinsiCode: string;
  period: string;
  fundingSource: string;
  allocated: number;
  reserved: number;
  paid: number;
  available: number;
}

export const SUPERVISOR_ROLES: readonly string[] = ['supervisor_kabupaten', 'supervisor_provinsi'];
export const isSupervisor = (role: string | null | undefined) => !!role && SUPERVISOR_ROLES.includes(role);

export interface TaskTypeInfo {
  id: string;
  type: TaskType;
  role: Role;
  titleId: string;
  titleEn: string;
  outcomes: string[];
  examples: Record<string, { outcome?: string; data: Record<string, unknown> }>;
  schema: unknown;
}
