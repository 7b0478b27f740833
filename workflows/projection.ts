// How workflows reach the database projection (inbox rows, case and claim rows, audit): the
// short, idempotent PostgreSQL writes run as local activities. A regular activity costs a
// dispatch through the Temporal server and a new workflow task each; a local activity runs in
// the worker inside the current workflow task, so a task completion (record it, move the case,
// write the next task, answer the Update) is one workflow task instead of four or more.
// Calls to other services (the payment provider, the Temporal client) stay regular activities.
//
// Histories written before this change scheduled regular activities (and re-upserted the
// Overdue search attribute after every completion): `patched` keeps them replaying on that path,
// and a workflow started before the change switches over at its next new step.
import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';

type ProjectionActivity =
  | 'createTask'
  | 'completeTask'
  | 'cancelTasks'
  | 'reassignTasks'
  | 'retimeTasks'
  | 'markOverdue'
  | 'recordCaseRegistered'
  | 'updateCase'
  | 'recordCaseEvent'
  | 'getCasePolicies'
  | 'recordReferral'
  | 'closeReferral'
  | 'periodActivity'
  | 'prepareClaim'
  | 'updateClaim'
  | 'recordClaimEvent'
  | 'reserveBudget'
  | 'releaseBudget';

export type ProjectionActivities = Pick<Activities, ProjectionActivity>;

export const LOCAL_PROJECTIONS_PATCH = 'local-projections';

const remote = proxyActivities<ProjectionActivities>({ startToCloseTimeout: '30 seconds' });
const local = proxyLocalActivities<ProjectionActivities>({
  startToCloseTimeout: '30 seconds',
  // Past this backoff the retry waits on a durable timer instead of inside the workflow task.
  localRetryThreshold: '10 seconds',
});

/** True from the local-projections change on (see the file comment). */
export const localProjections = (): boolean => patched(LOCAL_PROJECTIONS_PATCH);

/** The projection writers for the current point of the workflow (see the file comment). */
export function projection(): ProjectionActivities {
  return localProjections() ? local : remote;
}
