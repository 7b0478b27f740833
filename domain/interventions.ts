// Supervisor interventions on a running case: the API body of each action and
// the Update input that carries it, with the actor, to the case workflow.
import { z } from 'zod';
import { approximateDays, parseIsoDuration } from './duration';
import { actorSchema } from './roles';

const reason = z.string().trim().min(5).max(2000).describe('Why: required, recorded in the audit trail');

/** Beyond this a period is a typo or an attack (P9999999Y is no date at all): ten years. */
const MAX_DURATION_DAYS = 3660;
/** An extension longer than a quarter switches the deadline off in all but name. */
const MAX_EXTENSION_DAYS = 90;
/** What the portal's picker offers: working days, skipping weekends and national holidays. */
export const MAX_EXTENSION_WORKING_DAYS = 30;

const spanDays = (s: string) => {
  const d = parseIsoDuration(s);
  return d ? approximateDays(d) : 0;
};

export const isoDurationSchema = z
  .string()
  .max(40)
  .refine((s) => parseIsoDuration(s) !== undefined, { message: 'must be an ISO 8601 duration such as P3D or PT12H', params: { code: 'invalid_duration' } })
  .refine((s) => spanDays(s) <= MAX_DURATION_DAYS, 'must be at most ten years')
  .describe('ISO 8601 duration');

const extensionSchema = isoDurationSchema
  .refine((s) => spanDays(s) <= MAX_EXTENSION_DAYS, `must be at most ${MAX_EXTENSION_DAYS} days (P${MAX_EXTENSION_DAYS}D)`)
  .describe('ISO 8601 duration, at most 90 days');

export const INTERVENTIONS = ['reassign', 'pause', 'resume', 'extend-deadline', 'cancel', 'reopen', 'note'] as const;
export type Intervention = (typeof INTERVENTIONS)[number];
export const interventionSchema = z.enum(INTERVENTIONS);

/** Interventions that wait for a second supervisor when the `confirm_destructive` policy is on. */
export const DESTRUCTIVE_INTERVENTIONS: readonly Intervention[] = ['cancel', 'reopen'];

export const interventionBodySchemas = {
  /** Hand the case (and its open TKSK tasks) to another TKSK of the same kecamatan. */
  reassign: z.strictObject({ toUserId: z.string().min(1).max(100), reason }),
  /** Stop the case's clocks (deadlines, aftercare wait) and its work. */
  pause: z.strictObject({ reason }),
  /** Restart the clocks with the time that was left. */
  resume: z.strictObject({ reason }),
  /**
   * Push one open task's deadline back: by `workingDays` (weekends and the holidays table
   * skipped; the API turns it into the exact period before the workflow sees it) or by an ISO
   * 8601 `extendBy` (calendar time). Exactly one of the two.
   */
  'extend-deadline': z
    .strictObject({
      taskId: z.uuid(),
      extendBy: extensionSchema.optional(),
      workingDays: z.number().int().min(1).max(MAX_EXTENSION_WORKING_DAYS).optional().describe(`Working days, 1 to ${MAX_EXTENSION_WORKING_DAYS}`),
      reason,
    })
    .superRefine((b, ctx) => {
      if ((b.extendBy === undefined) === (b.workingDays === undefined)) {
        ctx.addIssue({ code: 'custom', path: ['workingDays'], message: 'give either workingDays or extendBy' });
      }
    }),
  /** End the case without closure; open tasks and referrals are cancelled. */
  cancel: z.strictObject({ reason }),
  /** Bring a closed case back to pendampingan (within the policy's reopen window). */
  reopen: z.strictObject({ reason }),
  /** Add a note to the case's record. */
  note: z.strictObject({ text: z.string().trim().min(3).max(4000) }),
} satisfies Record<Intervention, z.ZodType>;

export const INTERVENTION_EXAMPLES: Record<Intervention, Record<string, unknown>> = {
  reassign: { toUserId: 'usr_tksk3', reason: 'TKSK sebelumnya mengundurkan diri.' },
  pause: { reason: 'Penerima manfaat dirawat inap di rumah sakit.' },
  resume: { reason: 'Penerima manfaat sudah pulang.' },
  'extend-deadline': { taskId: '00000000-0000-4000-8000-000000000000', workingDays: 3, reason: 'Akses jalan tertutup banjir.' },
  cancel: { reason: 'Kasus ganda dengan registrasi sebelumnya.' },
  reopen: { reason: 'Kondisi memburuk setelah terminasi.' },
  note: { text: 'Koordinasi dengan puskesmas dilakukan lewat telepon.' },
};

/** The new assignee, resolved from the database by the API (validators do no I/O). */
export const assigneeSchema = z.object({ id: z.string(), role: z.string(), regionCode: z.string().nullable(), disabled: z.boolean() });

export const interveneInputSchema = z.object({
  action: interventionSchema,
  actor: actorSchema,
  payload: z.record(z.string(), z.unknown()),
  assignee: assigneeSchema.optional(),
});
export type InterveneInput = z.infer<typeof interveneInputSchema>;

export const confirmInputSchema = z.object({
  interventionId: z.string().min(1),
  actor: actorSchema,
  /** false = the second supervisor declines the request. */
  approve: z.boolean(),
});
export type ConfirmInput = z.infer<typeof confirmInputSchema>;

export interface InterventionResult {
  interventionId: string;
  action: Intervention;
  status: 'done' | 'pending_confirmation' | 'declined';
}
