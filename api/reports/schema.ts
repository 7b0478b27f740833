import { z } from 'zod';
import { periodSchema } from '../../domain/taliAsih';

const counts = z.array(z.object({ key: z.string(), count: z.number().int() }));

/** One period's stipend claims in the caller's region; amounts in whole rupiah. */
const stipendPeriodSchema = z.object({
  period: periodSchema,
  claims: z.number().int(),
  /** What the claims ask for (base rate and special assignments). */
  claimed: z.number().int(),
  /** Claims approved by the provinsi (awaiting budget, being paid or paid). */
  approved: z.number().int(),
  /** Components paid out. */
  paid: z.number().int(),
});

export const reportSummarySchema = z
  .object({
    generatedAt: z.string(),
    cases: z.number().int(),
    paused: z.number().int(),
    byPmks: counts,
    byStatus: counts,
    byKecamatan: counts,
    openTasks: z.number().int(),
    overdueTasks: z.number().int(),
    /** Open overdue case tasks by task type. */
    overdueByType: counts,
    slaBreaches: z.number().int(),
    /** Supervisors and auditors: the last 12 periods with claims, oldest first. */
    stipendByPeriod: z.array(stipendPeriodSchema).optional(),
  })
  .meta({
    id: 'ReportSummary',
    example: {
      generatedAt: '2026-11-27T03:00:00.000Z',
      cases: 3,
      paused: 0,
      byPmks: [
        { key: 'LUT', count: 2 },
        { key: 'AT', count: 1 },
      ],
      byStatus: [
        { key: 'pendampingan', count: 2 },
        { key: 'assessment', count: 1 },
      ],
      byKecamatan: [{ key: '33.73.01', count: 3 }],
      openTasks: 3,
      overdueTasks: 1,
      overdueByType: [{ key: 'pendampingan_visit', count: 1 }],
      slaBreaches: 1,
      stipendByPeriod: [{ period: '2026-10', claims: 2, claimed: 2_500_000, approved: 1_500_000, paid: 1_500_000 }],
    },
  });
export type ReportSummary = z.infer<typeof reportSummarySchema>;
