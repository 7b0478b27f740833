import { z } from 'zod';
import { CLAIM_STATUSES, COMPONENT_STATUSES, fundingSourceSchema, periodSchema } from '../../domain/taliAsih';
import { idsFilterSchema, listQuerySchema } from '../list';
import { taskSchema } from '../tasks/schema';

export const createClaimBodySchema = z
  .strictObject({
    /** The TKSK the claim is for; a TKSK may omit it (their own claim). */
    tkskId: z.string().min(1).max(100).optional(),
    /** Monthly period, YYYY-MM, never one that has not begun (WIB); a TKSK opens the current or the previous month, a supervisor also earlier ones (backfill). */
    period: periodSchema,
  })
  .meta({ id: 'CreateClaim', example: { tkskId: 'usr_tksk1', period: '2026-11' } });

export const reissueBodySchema = z
  .strictObject({
    /** Why the payment can go out now, e.g. the account that was fixed; kept in the audit trail. */
    note: z.string().trim().min(1).max(2000),
  })
  .meta({ id: 'ReissuePayment', example: { note: 'Nomor rekening sudah diperbaiki oleh admin.' } });

export const claimIdParamsSchema = z.object({ id: z.string().regex(/^tali-asih-[\w.-]{1,120}-\d{4}-\d{2}$/, 'a claim id is tali-asih-<tkskId>-<YYYY-MM>') });

export const CLAIM_SORTABLE = ['createdAt', 'updatedAt', 'period', 'status', 'totalAmount'] as const;
export const claimListQuerySchema = listQuerySchema(CLAIM_SORTABLE, {
  id: idsFilterSchema(z.string()),
  period: periodSchema.optional(),
  status: z.enum(CLAIM_STATUSES).optional(),
  tkskId: z.string().optional(),
  kabupatenCode: z.string().optional(),
});
export const claimExportQuerySchema = claimListQuerySchema.omit({ range: true });

export const budgetBodySchema = z
  .strictObject({
    period: periodSchema,
    fundingSource: fundingSourceSchema,
    /** Whole rupiah allocated to the provinsi for the period and source; never below what is reserved or paid. */
    allocated: z.number().int().min(0).max(1_000_000_000_000),
  })
  .meta({ id: 'Budget', example: { period: '2026-11', fundingSource: 'APBN', allocated: 50_000_000 } });

export const budgetListQuerySchema = listQuerySchema(['period', 'fundingSource'] as const, {
  period: periodSchema.optional(),
  fundingSource: fundingSourceSchema.optional(),
});

export const periodQuerySchema = z.object({ period: periodSchema });
export type ClaimSortField = (typeof CLAIM_SORTABLE)[number];
export type ClaimListFilter = NonNullable<z.infer<typeof claimListQuerySchema>['filter']>;
export type BudgetListFilter = NonNullable<z.infer<typeof budgetListQuerySchema>['filter']>;
export type FundingSource = z.infer<typeof fundingSourceSchema>;

/** A stipend claim; amounts in whole rupiah. */
export const claimSchema = z
  .object({
    /** tali-asih-<tkskId>-<YYYY-MM>, also the workflow id. */
    id: z.string(),
    tkskId: z.string(),
    tkskName: z.string(),
    period: periodSchema,
    status: z.enum(CLAIM_STATUSES),
    kecamatanCode: z.string(),
    kabupatenCode: z.string(),
    provinsiCode: z.string(),
    fundingSource: fundingSourceSchema,
    /** The TKSK's casework of the period, prefilled (cases registered, assessments, visits, referrals, closures). */
    activity: z.record(z.string(), z.unknown()).nullable(),
    /** The TKSK's report. */
    narrative: z.string().nullable(),
    /** Base rate plus special assignments. */
    totalAmount: z.number().int(),
    /** Components paid so far. */
    paidAmount: z.number().int(),
    rejectedReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Claim' });

/** One part of a claim (the base rate, a special assignment), paid once. */
const claimComponentSchema = z.object({
  /** `base` or the special assignment's code. */
  component: z.string(),
  label: z.string(),
  amount: z.number().int(),
  status: z.enum(COMPONENT_STATUSES),
  /** The provider's receipt once paid. */
  paymentRef: z.string().nullable(),
  paidAt: z.string().nullable(),
  /** Why the provider refused it, if it did. */
  failure: z.string().nullable(),
  /** The provider's error code for that refusal (`invalid_account`, …; see PAYMENT_FAILURE_CODES), worded by the portal. */
  failureCode: z.string().nullable(),
});

/** A claim with its components, payments and tasks (report, verification, approval, payment issues). */
export const claimDetailSchema = claimSchema
  .extend({
    components: z.array(claimComponentSchema),
    tasks: z.array(taskSchema),
    openTasks: z.array(taskSchema),
    /** The TKSK's account payments go to now, masked but for the bank and the last four characters (null: none set). */
    bankAccount: z.string().nullable(),
    /** The TKSK's approved monthly report of the period (laporan bulanan), its figures and link; null while there is none. */
    monthlyReport: z.object({ id: z.string(), approvedAt: z.string(), counts: z.record(z.string(), z.number()) }).nullable(),
  })
  .meta({ id: 'ClaimDetail' });

/** A provinsi's allocation for a period and funding source; whole rupiah. */
export const budgetSchema = z
  .object({
    /** `<provinsi>:<period>:<fundingSource>` */
    id: z.string(),
    provinsiCode: z.string(),
    period: periodSchema,
    fundingSource: fundingSourceSchema,
    allocated: z.number().int(),
    /** Held for approved claims not yet paid. */
    reserved: z.number().int(),
    paid: z.number().int(),
    /** allocated − reserved − paid */
    available: z.number().int(),
  })
  .meta({ id: 'BudgetAllocation' });

export const budgetSavedSchema = budgetSchema
  .extend({
    /** Claims awaiting this budget that were told to re-check it. */
    nudged: z.number().int(),
  })
  .meta({ id: 'BudgetSaved' });

/** One provinsi's period: approved = paid + pending, and the budget's paid column agrees with the payments. */
export const reconciliationSchema = z
  .object({
    provinsiCode: z.string(),
    period: periodSchema,
    /** Components of claims approved by the provinsi (awaiting budget, being paid or paid). */
    approved: z.number().int(),
    paid: z.number().int(),
    /** Approved but not paid yet (pending, reserved, failed). */
    pending: z.number().int(),
    balanced: z.boolean(),
    claimsPaid: z.number().int(),
    claimsInReview: z.number().int(),
    budget: z.object({ allocated: z.number().int(), reserved: z.number().int(), paid: z.number().int() }).nullable(),
    budgetMatchesPayments: z.boolean(),
  })
  .meta({ id: 'Reconciliation' });
export type Reconciliation = z.infer<typeof reconciliationSchema>;
