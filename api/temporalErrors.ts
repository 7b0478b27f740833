// Maps a refused or failed workflow Update to the HTTP answer the workflow's validator meant.
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { ProblemCode } from '../domain/problems';
import type { RefusalType } from '../domain/workflowContracts';
import { bodyIssues, HttpProblem, validationProblem } from './problem';

/** The HTTP status of each refusal a workflow's Update validator throws. */
const REFUSAL_STATUS: Record<RefusalType, number> = {
  TaskNotOpen: 409,
  Conflict: 409,
  Forbidden: 403,
  InvalidPayload: 422,
  TaskClaimed: 409,
};

/** Refusals with a problem code more specific than their status's. */
const REFUSAL_CODE: Partial<Record<RefusalType, ProblemCode>> = { TaskNotOpen: 'task-not-open', TaskClaimed: 'task-claimed' };

export function updateProblem(err: unknown): HttpProblem | undefined {
  if (err instanceof WorkflowNotFoundError) return new HttpProblem(409, 'the workflow is no longer running', { code: 'workflow-closed' });
  if (!(err instanceof WorkflowUpdateFailedError) || !(err.cause instanceof ApplicationFailure)) return undefined;
  const { type, message, details } = err.cause;
  if (!type || !Object.hasOwn(REFUSAL_STATUS, type)) return undefined;
  const status = REFUSAL_STATUS[type as RefusalType];
  if (status === 422) {
    const issues = (details?.[0] ?? []) as { path: string[]; message: string; code: string }[];
    return issues.length ? validationProblem(bodyIssues(issues)) : new HttpProblem(422, message);
  }
  const code = REFUSAL_CODE[type as RefusalType];
  return new HttpProblem(status, message, code ? { code } : {});
}

/** Runs an Update call and turns its refusals into problems. */
export async function viaUpdate<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw updateProblem(err) ?? err;
  }
}
