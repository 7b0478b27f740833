// The baseline's names, shared by its workflows (./workflows.ts), its worker (./worker.ts) and the
// benchmark that drives it (bench/lifecycle.ts).
import { defineUpdate } from '@temporalio/workflow';

/** Its own task queue: the product's worker and bundle know nothing of the baseline. */
export const BASELINE_TASK_QUEUE = 'kesos-bench-baseline';

export const rawStepUpdate = defineUpdate<number, [string]>('rawStep');
