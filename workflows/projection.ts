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
import type { Activities, NewTask, TaskCompletionRecord } from '../activities';

// The activities that only touch PostgreSQL (as a record so the wrapper below can list them).
const PROJECTION_ACTIVITIES = {
  createTask: true,
  completeTask: true,
  cancelTasks: true,
  reassignTasks: true,
  retimeTasks: true,
  markOverdue: true,
  recordCaseRegistered: true,
  updateCase: true,
  recordCaseEvent: true,
  getCasePolicies: true,
  recordReferral: true,
  closeReferral: true,
  periodActivity: true,
  prepareClaim: true,
  updateClaim: true,
  recordClaimEvent: true,
  reserveBudget: true,
  releaseBudget: true,
  recordComplaint: true,
  updateComplaint: true,
  openSembakoPeriod: true,
  updateSembakoPeriod: true,
  recordSanction: true,
  updateSanction: true,
  reopenCancelledComponents: true,
  applyKpmFix: true,
  rejectKpmFix: true,
  sembakoKpmRegisterCounts: true,
  recordMeeting: true,
  linkActionItemTasks: true,
  updateActionItem: true,
  compileMonth: true,
  openMonthlyReport: true,
  updateMonthlyReport: true,
  recordTaskClaim: true,
} as const;
type ProjectionActivity = keyof typeof PROJECTION_ACTIVITIES;

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

/**
 * Completions waiting to be written with the next projection write. A decision is usually
 * followed by the next step's task: both go in one transaction and one local activity.
 * Module state is per workflow run (the SDK gives each workflow its own module instances).
 */
const deferred: TaskCompletionRecord[] = [];

/** Writes the deferred completions now (before anything else can observe the workflow's state). */
export async function flushCompletions(): Promise<void> {
  while (deferred.length) await local.completeTask(deferred.shift()!);
}

/** Records a main task's completion with the workflow's next projection write. */
export function deferCompletion(c: TaskCompletionRecord): void {
  deferred.push(c);
}

/** Every local writer writes the deferred completions first; createTask takes them into its transaction. */
const localInOrder = Object.fromEntries(
  (Object.keys(PROJECTION_ACTIVITIES) as ProjectionActivity[]).map((name) => [
    name,
    async (input: never) => {
      if (name === 'createTask') return local.createTask({ ...(input as NewTask), completions: deferred.splice(0) });
      await flushCompletions();
      return (local[name] as (i: never) => Promise<unknown>)(input);
    },
  ]),
) as unknown as ProjectionActivities;

/** The projection writers for the current point of the workflow (see the file comment). */
export function projection(): ProjectionActivities {
  return localProjections() ? localInOrder : remote;
}
