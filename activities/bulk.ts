// Activities of bulk operations: they call other workflows' Updates through the Temporal client,
// so every case still validates its own reassignment.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { Sql } from '../db';
import type { Actor } from '../domain/roles';
import { interveneUpdate } from '../workflows/definitions';

export function bulkActivities(sql: Sql, temporal: Client) {
  return {
    async listOpenCasesOf(a: { userId: string; scope: string | null }): Promise<{ caseId: string; workflowId: string }[]> {
      const inScope = a.scope === null ? sql`TRUE` : sql`(desa_code LIKE ${`${a.scope}.%`})`;
      return sql<{ caseId: string; workflowId: string }[]>`
        SELECT id AS case_id, workflow_id FROM cases
        WHERE assignee_id = ${a.userId} AND status NOT IN ('closed', 'cancelled') AND engine_alert IS NULL AND ${inScope}
        ORDER BY created_at`;
    },

    /** Idempotent: a case already with the new assignee (a retried activity) counts as done. */
    async reassignCase(a: {
      workflowId: string;
      actor: Actor;
      assignee: { id: string; role: string; regionCode: string | null; disabled: boolean };
      reason: string;
    }): Promise<{ ok: true } | { ok: false; reason: string }> {
      try {
        await temporal.workflow.getHandle(a.workflowId).executeUpdate(interveneUpdate, {
          args: [{ action: 'reassign', actor: a.actor, payload: { toUserId: a.assignee.id, reason: a.reason }, assignee: a.assignee }],
        });
        return { ok: true };
      } catch (err) {
        if (err instanceof WorkflowUpdateFailedError) {
          const message = err.cause?.message ?? err.message;
          if (/already assigned to this TKSK/.test(message)) return { ok: true };
          return { ok: false, reason: message };
        }
        // A case whose workflow ended outside kesos-flow (the reconciler marks it) cannot move: skip
        // it, instead of retrying the activity for ever and never finishing the operation.
        if (err instanceof WorkflowNotFoundError) return { ok: false, reason: 'the case workflow is no longer running' };
        throw err;
      }
    },
  };
}
