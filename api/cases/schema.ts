import { z } from 'zod';
import type { BulkReassignStatus } from '../../domain/bulk';
import { caseRegistrationSchema, caseStatusSchema, consentSchema, exampleCaseRegistration } from '../../domain/case';
import { interventionSchema, type InterventionResult } from '../../domain/interventions';
import { nikSchema } from '../../domain/nik';
import { pmksCodeSchema } from '../../domain/pmks';
import { kecamatanCodeSchema } from '../../domain/regions';
import type { CaseSnapshot } from '../../domain/workflowContracts';
import { idsFilterSchema, listQuerySchema } from '../list';
import { caseSnapshotSchema, taskSchema } from '../tasks/schema';

/** Register a case: starts its workflow; the registering TKSK becomes the assignee. */
export const createCaseBodySchema = caseRegistrationSchema.meta({ id: 'CaseRegistration', example: exampleCaseRegistration });

export const caseIdParamsSchema = z.object({
  /** Case id (UUID). */
  id: z.uuid(),
});

export const CASE_SORTABLE = ['createdAt', 'updatedAt', 'status', 'pmksCode', 'kecamatanCode'] as const;

export const caseListQuerySchema = listQuerySchema(CASE_SORTABLE, {
  /** One id or several (react-admin getMany). */
  id: idsFilterSchema(z.uuid()),
  status: caseStatusSchema.optional(),
  pmksCode: pmksCodeSchema.optional(),
  kecamatanCode: kecamatanCodeSchema.optional(),
  assigneeId: z.string().optional(),
  /** The person's full NIK: their cases within your scope (a registration's duplicate check). Each such lookup is on the audit record, without the NIK. */
  nik: nikSchema.optional(),
  /** true: only cases not closed or cancelled; false: only those. */
  open: z.boolean().optional(),
});
export type CaseSortField = (typeof CASE_SORTABLE)[number];
export type CaseListFilter = NonNullable<z.infer<typeof caseListQuerySchema>['filter']>;

export const caseSchema = z
  .object({
    id: z.string(),
    workflowId: z.string(),
    status: caseStatusSchema,
    /** Current step of the process (task type or phase). */
    step: z.string().nullable(),
    paused: z.boolean(),
    overdue: z.boolean(),
    closedReason: z.string().nullable(),
    pmksCode: z.string(),
    desaCode: z.string(),
    kecamatanCode: z.string(),
    kabupatenCode: z.string(),
    assigneeId: z.string().nullable(),
    registeredBy: z.string(),
    /** Personal fields were anonymised after the retention period. */
    anonymised: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    beneficiary: z.object({
      /** Full NIK for the case's own TKSK and kabupaten supervisor; masked (3373********0001) for others. */
      nik: z.string().nullable(),
      /** Omitted from auditors' lists: auditors read personal data through the (audited) case page. */
      name: z.string().optional(),
      birthDate: z.string().optional(),
      sex: z.enum(['L', 'P']).optional(),
      address: z.string().optional(),
    }),
  })
  .meta({ id: 'Case' });

/** A case with its personal fields and consent (the answer to registering it). */
export const caseRecordSchema = caseSchema
  .extend({
    summary: z.string(),
    /** How consent was given (only `basis` after anonymisation). */
    consent: consentSchema,
  })
  .meta({ id: 'CaseRecord' });

/** Something the TKSK should know about a registration that was accepted. */
export const registrationWarningSchema = z.object({
  /** open_case_other_category: the person (NIK) has an open case in another PMKS category. */
  code: z.enum(['open_case_other_category']),
  message: z.string(),
  /** The other case, when the caller may see it. */
  caseId: z.string().optional(),
  pmksCode: z.string().optional(),
});
export type RegistrationWarning = z.infer<typeof registrationWarningSchema>;

/** The answer to registering a case: the case, and warnings when there are any. */
export const registeredCaseSchema = caseRecordSchema
  .extend({
    /** Present only when there is something to know, e.g. open cases of the same NIK in other categories (a case in the same category is a 409). */
    warnings: z.array(registrationWarningSchema).optional(),
  })
  .meta({ id: 'RegisteredCase' });

/** A referral (rujukan) of the case: where to, why, and how it ended. */
const referralSchema = z.object({
  id: z.string(),
  /** rujukan-<caseId>-<n>, a child workflow. */
  workflowId: z.string(),
  destinationType: z.string(),
  institutionName: z.string(),
  reason: z.string(),
  urgency: z.string(),
  status: z.enum(['open', 'served', 'not_served', 'cancelled']),
  requestedBy: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** The feedback recorded when it closed. */
  outcome: z.unknown(),
});

/** The case page: personal fields (masked NIK except for the case's own TKSK and supervisor), tasks, referrals, pending four-eyes requests. */
export const caseDetailSchema = caseRecordSchema
  .extend({
    openTasks: z.array(taskSchema),
    tasks: z.array(taskSchema),
    referrals: z.array(referralSchema),
    /** Destructive interventions waiting for a second supervisor (confirm with POST …/actions/confirm). */
    pendingInterventions: z.array(
      z.object({
        interventionId: z.string(),
        action: z.string(),
        payload: z.record(z.string(), z.unknown()),
        requestedBy: z.string(),
        requestedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'CaseDetail' });

export const timelineQuerySchema = z.object({
  /** Language of the sentences: id (Bahasa Indonesia, default) or en. */
  lang: z.enum(['id', 'en']).default('id'),
});

/** One audit row of the case, told as a sentence. */
export const timelineEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    actorRole: z.string().nullable(),
    /** The actor's display name (null: the system). */
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    /** In the requested language. */
    text: z.string(),
  })
  .meta({ id: 'TimelineEntry' });

export const actionParamsSchema = z.object({ id: z.uuid(), action: interventionSchema });

export const confirmBodySchema = z
  .strictObject({
    /** The pending intervention (from the case's `pendingInterventions`). */
    interventionId: z.string().min(1).max(100),
    /** false declines the request. */
    approve: z.boolean().default(true),
  })
  .meta({ id: 'InterventionConfirmation', example: { interventionId: '00000000-0000-4000-8000-000000000000', approve: true } });

/** What an intervention did (or that it waits for a second supervisor), with the case after it. */
export const interventionResultSchema = z
  .object({
    interventionId: z.string(),
    action: interventionSchema,
    /** done; pending_confirmation (202: confirm_destructive is on); declined (by the second supervisor). */
    status: z.enum(['done', 'pending_confirmation', 'declined']),
    case: caseSnapshotSchema,
  })
  .meta({ id: 'InterventionResult' }) satisfies z.ZodType<InterventionResult & { case: CaseSnapshot }>;

export const bulkIdParamsSchema = z.object({ id: z.string().regex(/^bulk-reassign-[0-9a-f-]{36}$/) });
export const bulkConfirmBodySchema = z.strictObject({ approve: z.boolean().default(true) }).meta({ id: 'BulkConfirmation', example: { approve: true } });

/** Progress of a bulk reassignment (a workflow of its own). */
export const bulkStatusSchema = z
  .object({
    /** bulk-reassign-<uuid>, the workflow id. */
    operationId: z.string(),
    state: z.enum(['awaiting_confirmation', 'running', 'done', 'declined']),
    requestedBy: z.string(),
    confirmedBy: z.string().nullable(),
    /** Open cases found for the leaving TKSK. */
    total: z.number().int(),
    reassigned: z.number().int(),
    /** Cases their workflow refused to reassign, and why. */
    skipped: z.array(z.object({ caseId: z.string(), reason: z.string() })),
  })
  .meta({ id: 'BulkOperation' }) satisfies z.ZodType<BulkReassignStatus>;
