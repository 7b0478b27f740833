// The audit chain's anchors (workflows/anchors.ts): reading the head from PostgreSQL, and having
// the anchors workflow take it. A run of kesos-audit-anchors that ended (terminated in the
// Temporal UI or CLI, or failed) is replaced by a new one carrying its anchors over, with an alert.
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Sql } from '../db';
import { auditChainHead, type AuditAnchor, type AuditChainHead } from '../db/audit';
import { AUDIT_ANCHORS_WORKFLOW_ID, auditAnchorsQuery, takeAuditAnchorUpdate } from '../workflows/definitions';

export function anchorActivities(sql: Sql, temporal: Client) {
  /** The anchors workflow's handle, started (or restarted with the last run's anchors) if it is not running. */
  async function runningAnchors() {
    const handle = temporal.workflow.getHandle(AUDIT_ANCHORS_WORKFLOW_ID);
    let carried: AuditAnchor[] = [];
    try {
      const { status } = await handle.describe();
      if (status.name === 'RUNNING') return handle;
      try {
        carried = (await handle.query(auditAnchorsQuery)).anchors;
      } catch (err) {
        console.warn(`[anchors] ALERT the anchors of the ended run of ${AUDIT_ANCHORS_WORKFLOW_ID} could not be read: ${(err as Error).message}`);
      }
      console.warn(`[anchors] ALERT ${AUDIT_ANCHORS_WORKFLOW_ID} had ended (${status.name}) outside kesos-flow: restarted with ${carried.length} anchors`);
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
    await temporal.workflow.start('auditAnchorsWorkflow', {
      workflowId: AUDIT_ANCHORS_WORKFLOW_ID,
      taskQueue: process.env.TEMPORAL_TASK_QUEUE ?? 'kesos-flow',
      args: [{ anchors: carried, startedBy: null }],
      // Two anchoring runs at once: the second uses the first one's workflow.
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    return handle;
  }

  return {
    /** The chain head now (its last row's seq and hash, and the rows up to it); null while empty. */
    async readAuditChainHead(): Promise<AuditChainHead | null> {
      return auditChainHead(sql);
    },

    /** Has kesos-audit-anchors read and keep the current chain head; returns the anchor taken. */
    async takeAuditAnchor(): Promise<AuditAnchor | null> {
      return (await runningAnchors()).executeUpdate(takeAuditAnchorUpdate);
    },
  };
}
