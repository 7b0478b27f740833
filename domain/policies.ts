// Case-wide policies (admin-editable, table `case_policies`), read by an activity so workflow
// history stays deterministic.
import { z } from 'zod';
import { isoDurationSchema } from './interventions';

export const casePoliciesSchema = z.object({
  /** Wait between closure approval and the bimbingan lanjut (aftercare) task. */
  aftercare_delay: isoDurationSchema.default('P30D'),
  /** How long after closure a supervisor may reopen a case. */
  reopen_window: isoDurationSchema.default('P90D'),
  /** Cancel and reopen wait for a second supervisor's confirmation. */
  confirm_destructive: z.boolean().default(false),
  /** How long personal fields are kept after a case is closed or cancelled (UU PDP Pasal 42-44). */
  retention_period: isoDurationSchema.default('P5Y'),
});
export type CasePolicies = z.infer<typeof casePoliciesSchema>;
export const DEFAULT_CASE_POLICIES: CasePolicies = casePoliciesSchema.parse({});
