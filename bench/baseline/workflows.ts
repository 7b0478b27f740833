// The benchmark's baseline: the case lifecycle's shape in bare Temporal — the same number of
// Updates in the same order and a child workflow for the referral — with no activities, no
// PostgreSQL, no validation beyond Temporal itself. `npm run bench` compares the API path to it.
// This file is the entry point of the baseline worker's bundle (./worker.ts).
import { condition, executeChild, setHandler, workflowInfo } from '@temporalio/workflow';
import { rawStepUpdate } from './definitions';

export async function rawReferralWorkflow(): Promise<void> {
  let done = false;
  setHandler(rawStepUpdate, () => {
    done = true;
    return 1;
  });
  await condition(() => done);
}

/** Waits for `steps` Updates; after the third (the "refer" visit) runs a child beside it. */
export async function rawLifecycleWorkflow(steps: number): Promise<number> {
  let count = 0;
  let child: Promise<void> | undefined;
  setHandler(rawStepUpdate, () => {
    count++;
    if (count === 3) child = executeChild(rawReferralWorkflow, { workflowId: `${workflowInfo().workflowId}-ref` });
    return count;
  });
  await condition(() => count >= steps);
  await child;
  return count;
}
