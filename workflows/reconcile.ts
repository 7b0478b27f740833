// reconcileEngineWorkflow: run by the Schedule `kesos-reconcile` every few minutes; marks cases
// and claims whose workflow was closed or reset outside kesos-flow (activities/reconcile.ts).
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { ReconcileResult } from '../activities/reconcile';

const acts = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes' });

export async function reconcileEngineWorkflow(): Promise<ReconcileResult> {
  return acts.reconcileEngine({ at: new Date().toISOString() });
}
