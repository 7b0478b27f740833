// Bulk reassignment: every open case of a TKSK who leaves goes to another TKSK.
import { z } from 'zod';
import { assigneeSchema } from './interventions';
import { actorSchema } from './roles';

export const bulkReassignBodySchema = z
  .strictObject({
    /** The TKSK whose open cases move. */
    fromUserId: z.string().min(1).max(100),
    /** The TKSK who takes them over (same kecamatan). */
    toUserId: z.string().min(1).max(100),
    reason: z.string().trim().min(5).max(2000),
  })
  .meta({ id: 'BulkReassign', example: { fromUserId: 'usr_tksk1', toUserId: 'usr_tksk3', reason: 'TKSK mengundurkan diri.' } });

export const bulkReassignInputSchema = z.object({
  operationId: z.string(),
  fromUserId: z.string(),
  assignee: assigneeSchema,
  reason: z.string(),
  requestedBy: actorSchema,
  requireConfirmation: z.boolean(),
});
export type BulkReassignInput = z.infer<typeof bulkReassignInputSchema>;

export interface BulkReassignStatus {
  operationId: string;
  state: 'awaiting_confirmation' | 'running' | 'done' | 'declined';
  requestedBy: string;
  confirmedBy: string | null;
  total: number;
  reassigned: number;
  skipped: { caseId: string; reason: string }[];
}
