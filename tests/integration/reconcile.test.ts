// Projection integrity (issue 12): a case workflow terminated outside kesos-flow (Temporal UI or
// CLI) no longer stays "open" in PostgreSQL without a trace: the reconciler marks the case,
// audits it once, and leaves cases closed the normal way alone.
import { randomUUID } from 'node:crypto';
import { registerCase } from '../support/casework';
import { db, temporalClient } from '../support/stack';

async function reconcile() {
  const { client, close } = await temporalClient();
  try {
    return (await client.workflow.execute('reconcileEngineWorkflow', { workflowId: `reconcile-test-${randomUUID()}`, taskQueue: 'kesos-flow', args: [] })) as {
      closed: string[];
      reset: string[];
    };
  } finally {
    await close();
  }
}

test('a case terminated from outside is marked and audited once; the schedule exists', async () => {
  const caseId = await registerCase('tksk1');
  const untouched = await registerCase('tksk1');
  const { client, close } = await temporalClient();
  try {
    await client.workflow.getHandle(`case-${caseId}`).terminate('terminated from the Temporal UI');
    expect((await client.schedule.getHandle('kesos-reconcile').describe()).action.type).toBe('startWorkflow');
  } finally {
    await close();
  }
  const first = await reconcile();
  expect(first.closed).toContain(`case-${caseId}`);
  expect(first.closed).not.toContain(`case-${untouched}`);
  const [row] = await db()`SELECT engine_alert, engine_alert_at, status FROM cases WHERE id = ${caseId}`;
  expect(row).toMatchObject({ engineAlert: 'closed_outside', status: 'assessment' });
  expect(row.engineAlertAt).not.toBeNull();
  const [other] = await db()`SELECT engine_alert FROM cases WHERE id = ${untouched}`;
  expect(other.engineAlert).toBeNull();

  // A second pass finds nothing new and writes no second audit row.
  expect((await reconcile()).closed).not.toContain(`case-${caseId}`);
  const audit = await db()`SELECT action, actor_role, details FROM audit_log WHERE case_id = ${caseId} AND action LIKE 'engine.%'`;
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({ action: 'engine.workflow_closed_outside', actorRole: 'system' });
  expect(audit[0].details).toMatchObject({ workflowId: `case-${caseId}`, executionStatus: 'TERMINATED' });
});
