// The human-task primitive every step uses (PRODUCT.md §3.3): create the inbox row through an
// activity, wait for the completing Update (validated: task open, role, region, assignment,
// four-eyes, payload schema), record the completion, return the validated result.
import { ApplicationFailure, condition, proxyActivities, setHandler, uuid4, workflowInfo } from '@temporalio/workflow';
import type { CaseStatus } from '../domain/case';
import { canCompleteTask } from '../domain/policy';
import type { Actor } from '../domain/roles';
import { completionOf, completionSchemaFor, type TaskType } from '../domain/taskTypes';
import { completeTaskInputSchema, type CaseSnapshot, type OpenTaskSummary, type TaskCompletionResult } from '../domain/workflowContracts';
import type { Activities } from '../activities';
import { completeTaskUpdate } from './definitions';

const acts = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds' });

export interface TaskSpec {
  type: TaskType;
  regionCode: string;
  caseId: string | null;
  assigneeId?: string | null;
  /** Who produced what this task reviews; four-eyes keeps them from completing it. */
  submittedBy?: string | null;
  /** What the person completing the task needs to see (previous answers, return notes). */
  context?: Record<string, unknown>;
  /** Case projection written in the same transaction as the task row. */
  caseUpdate?: { status: CaseStatus; step: string; assigneeId: string };
}

export interface TaskResult<D = Record<string, unknown>> {
  taskId: string;
  type: TaskType;
  outcome: string | null;
  data: D;
  actor: Actor;
  completedAt: string;
}

interface BoardEntry {
  taskId: string;
  spec: TaskSpec;
  dueAt: string | null;
  state: 'open' | 'completing' | 'done';
  result?: TaskResult;
}

export class TaskBoard {
  private readonly tasks = new Map<string, BoardEntry>();
  /** False between a decision arriving and the workflow reaching its next wait. */
  private settled = false;
  /** How many tasks this run has created (carried over on continue-as-new later). */
  tasksCreated = 0;

  constructor(private readonly snapshot: () => CaseSnapshot) {
    setHandler(completeTaskUpdate, (input) => this.complete(input), { validator: (input) => this.validate(input) });
  }

  openTasks(): OpenTaskSummary[] {
    return [...this.tasks.values()]
      .filter((t) => t.state !== 'done')
      .map((t) => ({ taskId: t.taskId, type: t.spec.type, regionCode: t.spec.regionCode, assigneeId: t.spec.assigneeId ?? null, dueAt: t.dueAt }));
  }

  /** The workflow reached a wait that is not a task (parked, closed): Update callers may answer. */
  settle(): void {
    this.settled = true;
  }

  async run<D = Record<string, unknown>>(spec: TaskSpec): Promise<TaskResult<D>> {
    const taskId = uuid4();
    const { dueAt } = await acts.createTask({
      taskId,
      workflowId: workflowInfo().workflowId,
      type: spec.type,
      regionCode: spec.regionCode,
      caseId: spec.caseId,
      assigneeId: spec.assigneeId ?? null,
      submittedBy: spec.submittedBy ?? null,
      context: spec.context ?? {},
      createdAt: new Date().toISOString(),
      caseUpdate: spec.caseUpdate ?? null,
    });
    const entry: BoardEntry = { taskId, spec, dueAt, state: 'open' };
    this.tasks.set(taskId, entry);
    this.tasksCreated++;
    this.settled = true;
    await condition(() => entry.result !== undefined);
    this.tasks.delete(taskId);
    return entry.result as TaskResult<D>;
  }

  private validate(raw: unknown): void {
    const parsed = completeTaskInputSchema.safeParse(raw);
    if (!parsed.success) throw ApplicationFailure.create({ type: 'InvalidPayload', message: 'malformed completion', details: [parsed.error.issues] });
    const input = parsed.data;
    const entry = this.tasks.get(input.taskId);
    if (!entry || entry.state !== 'open') throw ApplicationFailure.create({ type: 'TaskNotOpen', message: `task ${input.taskId} is not open` });
    const decision = canCompleteTask(input.actor, entry.spec);
    if (!decision.ok) throw ApplicationFailure.create({ type: 'Forbidden', message: decision.reason });
    const payload = completionSchemaFor(entry.spec.type).safeParse(completionOf(input.outcome, input.data));
    if (!payload.success) {
      const issues = payload.error.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code }));
      throw ApplicationFailure.create({ type: 'InvalidPayload', message: 'invalid task payload', details: [issues] });
    }
  }

  private async complete(raw: unknown): Promise<TaskCompletionResult> {
    const input = completeTaskInputSchema.parse(raw);
    const entry = this.tasks.get(input.taskId)!;
    // Claimed synchronously, before any await: a second Update for the same task fails validation.
    entry.state = 'completing';
    const payload = completionSchemaFor(entry.spec.type).parse(completionOf(input.outcome, input.data));
    const completedAt = new Date().toISOString();
    const outcome = 'outcome' in payload ? (payload.outcome as string) : null;
    await acts.completeTask({
      taskId: entry.taskId,
      caseId: entry.spec.caseId,
      type: entry.spec.type,
      outcome,
      data: payload.data,
      actor: input.actor,
      completedAt,
    });
    entry.state = 'done';
    this.settled = false;
    entry.result = { taskId: entry.taskId, type: entry.spec.type, outcome, data: payload.data, actor: input.actor, completedAt };
    await condition(() => this.settled);
    return { taskId: entry.taskId, type: entry.spec.type, outcome, completedAt, actorId: input.actor.id, case: this.snapshot() };
  }
}
