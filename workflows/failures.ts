// The failures workflows throw, in one place. An Update's validator (or handler) refuses with a
// RefusalType, which the API turns into an HTTP status (api/temporalErrors.ts); a workflow whose
// start input does not parse fails for good with InvalidInput.
import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type { z } from 'zod';
import type { RefusalType } from '../domain/workflowContracts';

/** One field's problem, as the API reports it (details[0] of an InvalidPayload refusal). */
export interface PayloadIssue {
  path: string[];
  message: string;
  code: string;
}

/** An Update refused for a reason other than its payload. */
export function refuse(type: Exclude<RefusalType, 'InvalidPayload'>, message: string): ApplicationFailure {
  return ApplicationFailure.create({ type, message });
}

/** The case's (or operation's) state does not allow it now. */
export const conflict = (message: string): ApplicationFailure => refuse('Conflict', message);

export const forbidden = (message: string): ApplicationFailure => refuse('Forbidden', message);

/** A payload that does not fit: with no issues the API answers with the message alone. */
export function invalidPayload(message: string, issues: PayloadIssue[] = []): ApplicationFailure {
  return ApplicationFailure.create({ type: 'InvalidPayload', message, details: [issues] });
}

export const zodIssues = (error: z.ZodError): PayloadIssue[] => error.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code }));

/** A start input the workflow refuses: it fails for good, without retry. */
export const invalidInput = (message: string): ApplicationFailure => ApplicationFailure.nonRetryable(message, 'InvalidInput');

/** A workflow's start input, parsed; a malformed one fails the workflow without retry. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidInput(`invalid ${what} input: ${parsed.error.message}`);
  return parsed.data;
}

/** The application failure of type `type` an activity ended with, if that is how it failed. */
export function activityFailedWith(err: unknown, type: string): ApplicationFailure | undefined {
  return err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.type === type ? err.cause : undefined;
}
