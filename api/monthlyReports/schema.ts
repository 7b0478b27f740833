// TKSK monthly reports (laporan bulanan): open, list, show, and the approved report as PDF/XLSX.
import { z } from 'zod';
import { MONTHLY_REPORT_STATUSES, monthlyCountsSchema } from '../../domain/koordinasi';
import { kabupatenCodeSchema, kecamatanCodeSchema } from '../../domain/regions';
import { periodSchema } from '../../domain/taliAsih';
import { idsFilterSchema, listQuerySchema } from '../list';

const reportIdSchema = z.string().regex(/^laporan-[A-Za-z0-9_.-]{1,100}-\d{4}-(0[1-9]|1[0-2])$/, 'a report id laporan-<userId>-<YYYY-MM>');

/** A TKSK opens their own (the current or the previous month); a supervisor names a TKSK of their region. */
export const createMonthlyReportBodySchema = z
  .strictObject({
    period: periodSchema,
    /** The TKSK the report is for (a supervisor must name one; a TKSK's is their own). */
    tkskId: z.string().trim().min(1).max(100).optional(),
  })
  .meta({ id: 'MonthlyReportOpen', example: { period: '2026-11' } });

export const monthlyReportIdParamsSchema = z.object({ id: reportIdSchema });

const SORTABLE = ['period', 'createdAt', 'updatedAt', 'status'] as const;
export type MonthlyReportSortField = (typeof SORTABLE)[number];
export const monthlyReportListQuerySchema = listQuerySchema(SORTABLE, {
  id: idsFilterSchema(reportIdSchema),
  status: z.enum(MONTHLY_REPORT_STATUSES).optional(),
  period: periodSchema.optional(),
  tkskId: z.string().min(1).max(100).optional(),
  kecamatanCode: kecamatanCodeSchema.optional(),
  kabupatenCode: kabupatenCodeSchema.optional(),
});
export type MonthlyReportListFilter = NonNullable<z.infer<typeof monthlyReportListQuerySchema>['filter']>;

export const monthlyReportSchema = z
  .object({
    /** laporan-<userId>-<YYYY-MM>, also its workflow id. */
    id: z.string(),
    tkskId: z.string(),
    period: z.string(),
    status: z.enum(MONTHLY_REPORT_STATUSES),
    /** The month's figures, compiled from the projections (again when the TKSK submits). */
    counts: monthlyCountsSchema,
    kecamatanCode: z.string(),
    kabupatenCode: z.string(),
    returns: z.number().int(),
    returnReason: z.string().nullable(),
    compiledAt: z.string(),
    submittedAt: z.string().nullable(),
    reviewedBy: z.string().nullable(),
    approvedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MonthlyReport' });

const detailLine = z.object({ id: z.string(), on: z.string(), text: z.string() });

export const monthlyReportDetailSchema = monthlyReportSchema
  .extend({
    narrative: z.string().nullable(),
    kendala: z.string().nullable(),
    /** The lines behind the figures, per section (ids and codes; no beneficiary's name). `mapping` stays empty until pemetaan sosial fills it. */
    details: z.record(z.string(), z.array(detailLine)),
    tasks: z.array(
      z.object({
        id: z.string(),
        type: z.string(),
        status: z.string(),
        assigneeId: z.string().nullable(),
        dueAt: z.string().nullable(),
        overdue: z.boolean(),
        outcome: z.string().nullable(),
        createdAt: z.string(),
        completedAt: z.string().nullable(),
      }),
    ),
    events: z.array(
      z.object({ at: z.string(), action: z.string(), actorId: z.string().nullable(), actorRole: z.string(), details: z.record(z.string(), z.unknown()) }),
    ),
  })
  .meta({ id: 'MonthlyReportDetail' });
