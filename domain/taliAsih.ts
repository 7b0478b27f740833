// Tali asih (TKSK stipend) vocabulary shared by the workflow, activities and API.
import { z } from 'zod';
import { actorSchema, type Role } from './roles';

/** Monthly periods by default: `YYYY-MM`. */
export const periodSchema = z
  .string()
  .regex(/^(20[0-9]{2})-(0[1-9]|1[0-2])$/, 'a period is YYYY-MM')
  // TKSK exist since 2009; nothing is claimed for the far future.
  .refine((p) => p >= '2009-01' && p <= '2099-12', 'a period between 2009-01 and 2099-12');
export const FUNDING_SOURCES = ['APBN', 'APBD'] as const;
export const fundingSourceSchema = z.enum(FUNDING_SOURCES);
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/**
 * A claim's way: the TKSK's report, kabupaten verification, provinsi approval, then payment
 * (waiting while the period's budget is short); rejected at either review. A payment the province
 * cancels (the provider refused it) is `payment_cancelled`: the claim stays open, its reservation
 * is released, and the province reissues it once the account is fixed (decision 0015).
 */
export const CLAIM_STATUSES = ['report', 'verification', 'approval', 'awaiting_budget', 'disbursing', 'payment_cancelled', 'paid', 'rejected'] as const;
export const claimStatusSchema = z.enum(CLAIM_STATUSES);
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** A payment component's state (table tali_asih_components): reserved on approval, then paid once. */
/**
 * Why a payment provider refused a transfer for good, as the provider's error code (the
 * simulator's and a bank transfer API's): the portal words each one; another code shows the
 * provider's own text.
 */
export const PAYMENT_FAILURE_CODES = ['invalid_account', 'unauthorized', 'bad_request', 'idempotency_key_reused'] as const;
export type PaymentFailureCode = (typeof PAYMENT_FAILURE_CODES)[number];

export const COMPONENT_STATUSES = ['pending', 'reserved', 'paid', 'failed', 'cancelled'] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/** The period's bounds in WIB (UTC+7): [start, end). */
export function periodBounds(period: string): { start: string; end: string } {
  const [y, m] = period.split('-').map(Number);
  const pad = (n: number) => String(n).padStart(2, '0');
  const next = m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
  return { start: `${period}-01T00:00:00+07:00`, end: `${next}-01T00:00:00+07:00` };
}

/** The period (month) it is now in WIB (UTC+7), YYYY-MM. */
export function currentPeriod(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 7);
}

/** The month before a period, YYYY-MM. */
export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Why `role` may not open a claim for `period` now (undefined: it may). A claim is for casework
 * done, so never for a month that has not begun, for anyone; a TKSK claims the current or the
 * previous month; earlier months are a supervisor's backfill for a TKSK.
 */
export function claimPeriodProblem(role: Role, period: string, now: Date = new Date()): string | undefined {
  const current = currentPeriod(now);
  if (period > current) return `period ${period} has not begun: claims are opened for ${current} (the current month, WIB) or earlier`;
  const previous = previousPeriod(current);
  if (role === 'tksk' && period < previous) return `a TKSK opens a claim for period ${previous} or ${current} only; a supervisor opens earlier periods`;
  return undefined;
}

export const claimIdOf = (tkskId: string, period: string) => `tali-asih-${tkskId}-${period}`;

export const taliAsihInputSchema = z.object({
  claimId: z.string().min(1),
  tkskId: z.string().min(1),
  period: periodSchema,
  openedBy: actorSchema.nullable(),
});
export type TaliAsihInput = z.infer<typeof taliAsihInputSchema>;

/** The casework of a TKSK in a period, computed from PostgreSQL: what the report is prefilled with. */
export interface PeriodActivity {
  casesRegistered: number;
  assessments: number;
  visits: number;
  referrals: number;
  closures: number;
  /** Program Sembako work of the month (claims opened before these counts existed lack them). */
  /** Tikor kecamatan meetings the TKSK recorded. */
  tikorMeetings?: number;
  /** Distribution points the TKSK monitored (completed sembako_monitoring tasks). */
  pointsMonitored?: number;
  /** Complaints the TKSK took in, received (receivedOn) in the month. */
  complaintsReceived?: number;
  /** Complaints the TKSK recorded a resolution of (resolved, or resolved directly). */
  complaintsResolved?: number;
  /** The TKSK's complaints closed (confirmed with the complainant) in the month. */
  complaintsClosed?: number;
  /** The approved monthly report (laporan bulanan) the figures were taken from, when one existed at the claim's opening. */
  monthlyReportId?: string;
  monthlyReportApprovedAt?: string;
}

export interface ClaimComponent {
  component: string;
  label: string;
  /** Whole rupiah. */
  amount: number;
}
