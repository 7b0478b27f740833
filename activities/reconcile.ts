// The projection's integrity against the engine: a case or claim workflow can be closed or reset
// outside kesos-flow (terminated in the Temporal UI or CLI, reset, a run that failed). PostgreSQL
// would keep showing it open for ever, with no audit row. The reconciler finds those runs in
// Temporal's visibility, marks the case or claim (`engine_alert`), audits each run once and warns
// in the worker log: the operators' alert.
import type { Client } from '@temporalio/client';
import type { Sql } from '../db';
import { appendActorEvent } from '../db/audit';

/** Runs of our long-lived workflows that ended another way than by completing or continuing. */
const CLOSED_OUTSIDE = `(WorkflowType = 'caseWorkflow' OR WorkflowType = 'taliAsihWorkflow') AND (ExecutionStatus = 'Terminated' OR ExecutionStatus = 'Failed' OR ExecutionStatus = 'TimedOut' OR ExecutionStatus = 'Canceled')`;

export interface ReconcileResult {
  checked: number;
  /** Newly marked closed: the workflow is gone, the row said open. */
  closed: string[];
  /** Newly marked reset: an abnormal run was replaced by a new running one. */
  reset: string[];
}

export function reconcileActivities(sql: Sql, temporal: Client) {
  return {
    async reconcileEngine(a: { at: string }): Promise<ReconcileResult> {
      const result: ReconcileResult = { checked: 0, closed: [], reset: [] };
      for await (const run of temporal.workflow.list({ query: CLOSED_OUTSIDE })) {
        result.checked++;
        const isCase = run.type === 'caseWorkflow';
        const [row] = isCase
          ? await sql<
              { id: string; open: boolean }[]
            >`SELECT id, status NOT IN ('closed', 'cancelled') AS open FROM cases WHERE workflow_id = ${run.workflowId}`
          : await sql<
              { id: string; open: boolean }[]
            >`SELECT id, status NOT IN ('paid', 'rejected') AS open FROM tali_asih_claims WHERE id = ${run.workflowId}`;
        if (!row) continue; // a start the workflow refused (forged, malformed): nothing was written
        const latest = await temporal.workflow.getHandle(run.workflowId).describe();
        const alert = latest.status.name === 'RUNNING' ? 'reset' : row.open ? 'closed_outside' : null;
        if (!alert) continue;
        const written = await sql.begin(async (tx) => {
          const marked = await tx`
            UPDATE ${tx(isCase ? 'cases' : 'tali_asih_claims')} SET engine_alert = ${alert}, engine_alert_at = ${a.at}
            WHERE id = ${row.id} AND engine_alert IS DISTINCT FROM ${alert} RETURNING id`;
          if (!marked.length) return false;
          await appendActorEvent(tx, {
            eventKey: `engine:${run.runId}:${alert}`,
            at: a.at,
            actor: null,
            action: alert === 'reset' ? 'engine.workflow_reset' : 'engine.workflow_closed_outside',
            entityType: isCase ? 'case' : 'claim',
            entityId: row.id,
            caseId: isCase ? row.id : null,
            details: { workflowId: run.workflowId, runId: run.runId, executionStatus: run.status.name, latestStatus: latest.status.name },
          });
          return true;
        });
        if (!written) continue;
        (alert === 'reset' ? result.reset : result.closed).push(run.workflowId);
        console.warn(`[reconcile] ALERT ${run.workflowId} (run ${run.runId}) ${run.status.name} outside kesos-flow: marked ${alert}`);
      }
      return result;
    },
  };
}
