// Inputs and answers of the workflows' start, Updates and queries, parsed by zod on both sides.
import { z } from 'zod';
import { isoDateTimeSchema } from './primitives';
import { caseRegistrationSchema, caseStatusSchema, type CaseStatus } from './case';
import { actorSchema } from './roles';
import { taskTypeSchema, type TaskType } from './taskTypes';

export const caseWorkflowInputSchema = z.object({
  caseId: z.string().min(1),
  registration: caseRegistrationSchema,
  registeredBy: actorSchema,
  /** Region chain of the beneficiary's desa. */
  regions: z.object({ provinsi: z.string(), kabupaten: z.string(), kecamatan: z.string(), desa: z.string() }),
  registeredAt: isoDateTimeSchema,
});
export type CaseWorkflowInput = z.infer<typeof caseWorkflowInputSchema>;

export const completeTaskInputSchema = z.object({
  taskId: z.string().min(1),
  actor: actorSchema,
  outcome: z.string().optional(),
  data: z.unknown(),
});
export type CompleteTaskInput = z.infer<typeof completeTaskInputSchema>;

export interface OpenTaskSummary {
  taskId: string;
  type: TaskType;
  regionCode: string;
  assigneeId: string | null;
  dueAt: string | null;
}

export interface CaseSnapshot {
  caseId: string;
  status: CaseStatus;
  step: string;
  assigneeId: string;
  closedReason: string | null;
  openTasks: OpenTaskSummary[];
}

export interface TaskCompletionResult {
  taskId: string;
  type: TaskType;
  outcome: string | null;
  completedAt: string;
  actorId: string;
  /** The case after the workflow has acted on the decision (next task created or case closed). */
  case: CaseSnapshot;
}

/** Failure types a workflow validator throws; the API maps them to HTTP statuses. */
export const TASK_FAILURES = {
  TaskNotOpen: 409,
  Forbidden: 403,
  InvalidPayload: 422,
} as const;

export { caseStatusSchema, taskTypeSchema };
