// Case settings (admin-editable per region, table `case_policies`): aftercare delay, reopen
// window, four-eyes on destructive interventions, retention. Read by an activity so workflow
// history stays deterministic. (Who may do what is domain/access.ts.)
import { z } from 'zod';
import { isoDurationSchema } from './interventions';

export const caseSettingsSchema = z.object({
  /** Wait between closure approval and the bimbingan lanjut (aftercare) task. */
  aftercare_delay: isoDurationSchema.default('P30D'),
  /** How long after closure a supervisor may reopen a case. */
  reopen_window: isoDurationSchema.default('P90D'),
  /** Cancel and reopen wait for a second supervisor's confirmation. */
  confirm_destructive: z.boolean().default(false),
  /** How long personal fields are kept after a case is closed or cancelled (UU PDP Pasal 42-44). */
  retention_period: isoDurationSchema.default('P5Y'),
});
export type CaseSettings = z.infer<typeof caseSettingsSchema>;
export const DEFAULT_CASE_SETTINGS: CaseSettings = caseSettingsSchema.parse({});
