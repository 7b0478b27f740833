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

/** Age buckets of open complaints, in days since they were received (WIB). */
export const COMPLAINT_AGE_BUCKETS = [
  { key: '0-3', from: 0, to: 3 },
  { key: '4-7', from: 4, to: 7 },
  { key: '8-14', from: 8, to: 14 },
  { key: '15-30', from: 15, to: 30 },
  { key: '31+', from: 31, to: null },
] as const;

/** Program Sembako figures in the caller's region (GET /api/reports/sembako). */
export const sembakoReportSchema = z
  .object({
    generatedAt: z.string(),
    /** Per kecamatan, its latest period with completed monitoring: KPM served / listed summed over the points monitored. */
    realisation: z.array(
      z.object({
        kecamatanCode: z.string(),
        /** The kecamatan's name (regions). */
        kecamatanName: z.string(),
        period: z.string(),
        /** The period's status (tikor, monitoring, report, verification, verified). */
        status: z.string(),
        pointsMonitored: z.number().int(),
        kpmListed: z.number().int(),
        kpmServed: z.number().int(),
        /** kpmServed / kpmListed, 3 decimals; null when no KPM were listed. */
        rate: z.number().nullable(),
      }),
    ),
    /** Card problems seen at those monitoring visits, per bank and kind. */
    cardProblems: z.array(z.object({ bank: z.string(), kind: z.string(), count: z.number().int() })),
    /** Complaints per category: still open and in all. */
    complaintsByCategory: z.array(z.object({ key: z.string(), open: z.number().int(), total: z.number().int() })),
    openComplaints: z.number().int(),
    /** Open complaints by days since received: every bucket, in order. */
    openComplaintsByAge: z.array(z.object({ key: z.enum(COMPLAINT_AGE_BUCKETS.map((b) => b.key)), count: z.number().int() })),
    /** Periods not yet verified, per status. */
    openPeriodsByStatus: counts,
  })
  .meta({
    id: 'SembakoReport',
    example: {
      generatedAt: '2026-11-27T03:00:00.000Z',
      realisation: [
        {
          kecamatanCode: '33.73.01',
          kecamatanName: 'Sidorejo',
          period: '2026-11',
          status: 'verified',
          pointsMonitored: 2,
          kpmListed: 65,
          kpmServed: 63,
          rate: 0.969,
        },
      ],
      cardProblems: [{ bank: 'BRI', kind: 'saldo_kosong', count: 2 }],
      complaintsByCategory: [{ key: 'kartu', open: 1, total: 3 }],
      openComplaints: 1,
      openComplaintsByAge: [
        { key: '0-3', count: 1 },
        { key: '4-7', count: 0 },
        { key: '8-14', count: 0 },
        { key: '15-30', count: 0 },
        { key: '31+', count: 0 },
      ],
      openPeriodsByStatus: [{ key: 'monitoring', count: 1 }],
    },
  });
export type SembakoReport = z.infer<typeof sembakoReportSchema>;
