// TKSK assignments (Permensos 28/2018): the SK that appoints a TKSK to a kecamatan for a period,
// the yearly evaluation (Pasal 32) by two appraisers, and the ending. Bundle-safe vocabulary and
// schemas shared by the API, tkskAssignmentWorkflow and the portal (docs/tksk-assignment.md).
import { z } from 'zod';
import { isoDateSchema } from './primitives';
import { kecamatanCodeSchema } from './regions';
import { actorSchema } from './roles';

export const ASSIGNMENT_STATUSES = ['scheduled', 'active', 'evaluation', 'renewed', 'ending', 'ended'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
/** The evaluation's outcomes, from the most lenient to the strictest (a disagreement takes the stricter). */
export const EVALUATION_OUTCOMES = ['renew', 'renew_with_coaching', 'not_renew'] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];
/** Why an assignment ends. */
export const END_REASONS = ['resignation', 'asn_pppk', 'death', 'not_renewed'] as const;
export type EndReason = (typeof END_REASONS)[number];
/** The roster's words: ends within this many days → ending soon. */
export const ENDING_SOON_DAYS = 60;
export const ROSTER_STATUSES = ['active', 'ending_soon', 'ended', 'scheduled'] as const;

export const assignmentWorkflowIdOf = (userId: string): string => `assignment-${userId}`;

/** The stricter of two outcomes. */
export function stricterOutcome(a: EvaluationOutcome, b: EvaluationOutcome): EvaluationOutcome {
  return EVALUATION_OUTCOMES.indexOf(a) >= EVALUATION_OUTCOMES.indexOf(b) ? a : b;
}

/** The day the evaluation opens: 31 December of the start's fiscal year, or the period's end if earlier. */
export function evaluationDateOf(startDate: string, endDate: string): string {
  const yearEnd = `${startDate.slice(0, 4)}-12-31`;
  return endDate < yearEnd ? endDate : yearEnd;
}

/**
 * After a renewal on `evaluationDate`: the first day of the next year to evaluate when the SK's
 * period runs on past it (a multi-year SK: 1 January of the next year), or null when the period
 * is over and a new SK is needed.
 */
export function nextEvaluationYear(evaluationDate: string, endDate: string): string | null {
  if (evaluationDate >= endDate) return null;
  return `${Number(evaluationDate.slice(0, 4)) + 1}-01-01`;
}

/** The last day of tali asih: the end of the last full month served (the month before, unless the end is a month's last day). */
export function taliAsihLastDayOf(endDate: string): string {
  const d = new Date(`${endDate}T00:00:00Z`);
  const next = new Date(d.getTime() + 86_400_000);
  if (next.getUTCDate() === 1) return endDate;
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0)).toISOString().slice(0, 10);
}

const skNumberSchema = z.string().trim().min(3).max(100);

/** POST /api/tksk-assignments: a Kemensos SK appointing a TKSK to a kecamatan for a period. */
export const assignmentBodySchema = z
  .strictObject({
    /** The TKSK's account. */
    userId: z.string().min(1).max(100),
    /** The SK's number. */
    skNumber: skNumberSchema,
    /** The SK's date. */
    skDate: isoDateSchema,
    /** The kecamatan of the assignment: the TKSK's own region, a current code. */
    kecamatanCode: kecamatanCodeSchema,
    /** First day of the period (the account is enabled and tali asih starts on it). */
    startDate: isoDateSchema,
    /** Last day of the period. */
    endDate: isoDateSchema,
  })
  .refine((b) => b.endDate >= b.startDate, { path: ['endDate'], message: 'endDate must not be before startDate' })
  .meta({
    id: 'TkskAssignmentBody',
    example: { userId: 'usr_tksk1', skNumber: '123/HUK/2026', skDate: '2026-01-02', kecamatanCode: '33.73.01', startDate: '2026-01-02', endDate: '2026-12-31' },
  });
export type AssignmentBody = z.infer<typeof assignmentBodySchema>;

/** POST /api/tksk-assignments/:userId/actions/end. */
export const endAssignmentBodySchema = z
  .strictObject({
    reason: z.enum(END_REASONS),
    /** Last day of the assignment (the account is disabled on it). */
    endDate: isoDateSchema,
    /** The TKSK who takes over the open cases and tasks (same kecamatan); none: they wait in the unassigned queue. */
    successorId: z.string().min(1).max(100).nullish(),
  })
  .meta({ id: 'TkskAssignmentEnd', example: { reason: 'resignation', endDate: '2026-12-15', successorId: 'usr_tksk3' } });
export type EndAssignmentBody = z.infer<typeof endAssignmentBodySchema>;

export const assignmentPeriodSchema = z.object({
  assignmentId: z.string(),
  skNumber: z.string(),
  skDate: z.string(),
  kecamatanCode: z.string(),
  kabupatenCode: z.string(),
  provinsiCode: z.string(),
  startDate: z.string(),
  endDate: z.string(),
});
export type AssignmentPeriod = z.infer<typeof assignmentPeriodSchema>;

export const assignmentInputSchema = z.object({
  userId: z.string(),
  period: assignmentPeriodSchema,
  requestedBy: actorSchema,
  requestedAt: z.string(),
});
export type AssignmentInput = z.infer<typeof assignmentInputSchema>;

/** The workflow's Update: a new SK for the same TKSK (renewal), or the end of the assignment. */
export const assignmentActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('new_sk'), actor: actorSchema, period: assignmentPeriodSchema }),
  z.object({ action: z.literal('end'), actor: actorSchema, reason: z.enum(END_REASONS), endDate: z.string(), successorId: z.string().nullable() }),
]);
export type AssignmentAction = z.infer<typeof assignmentActionSchema>;

export interface AssignmentSnapshot {
  userId: string;
  assignmentId: string;
  status: AssignmentStatus;
  period: AssignmentPeriod;
  outcome: EvaluationOutcome | null;
  ending: { reason: EndReason; endDate: string; successorId: string | null } | null;
}

/** A criterion of the instrument (table tksk_evaluation_criteria). */
export interface EvaluationCriterion {
  criterionId: string;
  label: string;
  figure: string | null;
}

/** The year's figures prefilled for the appraisers (read-only in the form). */
export interface EvaluationFigures {
  casesRegistered: number;
  casesHandled: number;
  tasksCompleted: number;
  tasksOnTime: number;
  slaCompliance: number | null;
  referralsAnswered: number;
  monthlyReports: number;
  sembakoMonitored: number;
}

/** An appraiser's answer (tksk_evaluation and tksk_evaluation_koordinator tasks). */
export const appraisalDataSchema = z.strictObject({
  /** One score (1–5) per criterion of the instrument. */
  scores: z
    .array(z.strictObject({ criterionId: z.string().min(1).max(60), score: z.number().int().min(1).max(5) }))
    .min(1)
    .max(40),
  notes: z.string().trim().max(4000).optional(),
  /** With renew_with_coaching: what the coaching covers. */
  coachingPlan: z.string().trim().min(10).max(4000).optional(),
  /** The supervisor's appraisal with not_renew: the TKSK (same kecamatan) who takes over the open cases. */
  successorId: z.string().min(1).max(100).optional(),
});
