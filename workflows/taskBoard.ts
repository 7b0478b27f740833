// The human-task primitive every step uses (docs/product.md §3.3): create the inbox row through an
// activity, wait for the completing Update (validated: task open, role, region, assignment,
// four-eyes, payload schema) with the deadline timer beside it, escalate on breach, return the
// validated result. Its state is plain data so it survives continue-as-new.
import { allHandlersFinished, condition, patched, setHandler, upsertSearchAttributes, uuid4, workflowInfo } from '@temporalio/workflow';
import type { CaseStatus } from '../domain/case';
import { canCompleteTask } from '../domain/access';
import type { Actor } from '../domain/roles';
import { completionOf, completionSchemaFor, type TaskType } from '../domain/taskTypes';
import { completeTaskInputSchema, type OpenTaskSummary, type TaskCompletionResult, type WorkflowSnapshot } from '../domain/workflowContracts';
import { checkClaim, claimTaskInputSchema, type ClaimTaskResult } from '../domain/tasklist';
import { claimTaskUpdate, completeTaskUpdate, SA } from './definitions';
import { conflict, forbidden, invalidPayload, refuse, zodIssues } from './failures';
import { sealedActor } from './seal';
import { deferCompletion, flushCompletions, localProjections, projection } from './projection';

export interface TaskSpec {
  type: TaskType;
  regionCode: string;
  caseId: string | null;
  assigneeId?: string | null;
  /** Who produced what this task reviews; four-eyes keeps them from completing it. */
  submittedBy?: string | null;
  /** What the person completing the task needs to see (previous answers, return notes). */
  context?: Record<string, unknown>;
  /** Overrides the SLA policy's due period (e.g. the plan's visit cadence). */
  duePeriod?: string;
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

/** A task as the board keeps it: plain data, carried over by continue-as-new. */
export interface BoardTask {
  taskId: string;
  spec: TaskSpec;
  createdAt: string;
  dueAt: string | null;
  /** main: the workflow's main loop waits for it; side: runs beside (escalations). */
  kind: 'main' | 'side';
  state: 'open' | 'completing' | 'done' | 'cancelled';
  breaches: number;
  /** The inbox row is written (false only while createTask runs). */
  created?: boolean;
  /** Who claimed it from its role's queue (claimTask Update); only they may complete it then. */
  claimedBy?: string | null;
  claimedAt?: string | null;
  result?: TaskResult;
}

export interface BoardHooks {
  snapshot(): WorkflowSnapshot;
  /** While paused, clocks stop and tasks cannot be completed. */
  paused(): boolean;
  /** Deadline breaches handled before the clock stops for good. */
  maxBreaches: number;
  /** What a breach means for this workflow (overdue + escalation, reminder, …). */
  onBreach(task: BoardTask, level: number): Promise<void>;
  /** After any completion (e.g. to refresh the Overdue search attribute). */
  onCompleted?(task: BoardTask): void;
  /**
   * Called each time the main loop is about to wait, i.e. at a consistent point (the next task
   * exists): the place to continue-as-new.
   */
  beforeWait?(): Promise<void>;
}

/** Histories with a claimTask Update carry this marker (decision 0025). */
export const TASK_CLAIMS_PATCH = 'task-claims';

const finished = (t: BoardTask) => t.state === 'done' || t.state === 'cancelled';

export class TaskBoard {
  private readonly tasks = new Map<string, BoardTask>();
  /** True while the main loop waits; Update handlers answer only once it is waiting again. */
  private idle = false;
  /** Bumped to wake the main loop so it re-reads state (pause, new due time, cancellation). */
  private version = 0;
  private draining = false;
  /** How many tasks have their inbox row written (carried ones included). */
  tasksCreated = 0;

  constructor(
    private readonly hooks: BoardHooks,
    carried: BoardTask[] = [],
  ) {
    for (const t of carried) this.tasks.set(t.taskId, t);
    this.tasksCreated = carried.length;
    setHandler(completeTaskUpdate, (input) => this.complete(input), { validator: (input) => this.validate(input) });
    setHandler(claimTaskUpdate, (input) => this.claim(input), { validator: (input) => this.validateClaim(input) });
  }

  open(): BoardTask[] {
    return [...this.tasks.values()].filter((t) => t.state === 'open');
  }

  summaries(): OpenTaskSummary[] {
    return this.open().map((t) => ({
      taskId: t.taskId,
      type: t.spec.type,
      regionCode: t.spec.regionCode,
      assigneeId: t.spec.assigneeId ?? null,
      dueAt: t.dueAt,
    }));
  }

  get(taskId: string): BoardTask | undefined {
    return this.tasks.get(taskId);
  }

  /** Open tasks as plain data, for continue-as-new. */
  serialize(): BoardTask[] {
    return this.open().map((t) => ({ ...t, result: undefined }));
  }

  /** The main loop's only way to wait: it is idle (Update callers may answer) until woken. */
  async waitFor(cond: () => boolean, timeoutMs?: number): Promise<void> {
    await flushCompletions();
    await this.hooks.beforeWait?.();
    const v = this.version;
    this.idle = true;
    const wake = () => cond() || this.version !== v;
    if (timeoutMs === undefined) await condition(wake);
    else if (timeoutMs > 0) await condition(wake, timeoutMs);
    this.idle = false;
  }

  /** The run is ending (completion or continue-as-new): Update callers answer without waiting. */
  drain(): void {
    this.draining = true;
    this.idle = true;
  }

  /** Drains, then waits until every Update and signal handler has finished: the run may end. */
  async finish(): Promise<void> {
    this.drain();
    await condition(allHandlersFinished);
  }

  /** Wake the main loop and wait until it has acted and waits again. */
  async wakeAndSettle(): Promise<void> {
    if (this.draining) return;
    this.idle = false;
    this.version++;
    await condition(() => this.idle);
  }

  private async create(spec: TaskSpec, kind: BoardTask['kind']): Promise<BoardTask> {
    const taskId = uuid4();
    const createdAt = new Date().toISOString();
    // On the board before the inbox row is written: an Update sent as soon as the row is visible
    // can reach the workflow before it has processed the activity's completion, and must find
    // the task open. Its handler waits for `created` before recording the completion.
    const task: BoardTask = { taskId, spec, createdAt, dueAt: null, kind, state: 'open', breaches: 0, created: false };
    this.tasks.set(taskId, task);
    const { dueAt } = await projection().createTask({
      taskId,
      workflowId: workflowInfo().workflowId,
      type: spec.type,
      regionCode: spec.regionCode,
      caseId: spec.caseId,
      assigneeId: spec.assigneeId ?? null,
      submittedBy: spec.submittedBy ?? null,
      context: spec.context ?? {},
      createdAt,
      duePeriod: spec.duePeriod ?? null,
      caseUpdate: spec.caseUpdate ?? null,
    });
    task.dueAt = dueAt;
    task.created = true;
    this.tasksCreated++;
    return task;
  }

  /**
   * Runs a main task to its end: creates it (or adopts the open one carried over by
   * continue-as-new), runs its deadline clock and returns the validated result, or undefined if
   * it was cancelled.
   */
  async run<D = Record<string, unknown>>(spec: TaskSpec): Promise<TaskResult<D> | undefined> {
    // A main task still on the board was carried over by continue-as-new (run() removes its
    // own when done). It may already be claimed by an Update that arrived first: adopt it anyway.
    const carried = [...this.tasks.values()].find((t) => t.kind === 'main' && t.spec.type === spec.type);
    const task = carried ?? (await this.create(spec, 'main'));
    while (!finished(task)) {
      const breachAt = this.nextBreachAt(task);
      if (this.hooks.paused() || breachAt === undefined) {
        await this.waitFor(() => finished(task));
        continue;
      }
      const wait = breachAt - Date.now();
      if (wait > 0) {
        await this.waitFor(() => finished(task), wait);
        continue;
      }
      task.breaches++;
      await this.hooks.onBreach(task, task.breaches);
    }
    this.tasks.delete(task.taskId);
    return task.state === 'done' ? (task.result as TaskResult<D>) : undefined;
  }

  /** Level n is due at dueAt + (n-1) × the task's own period. */
  private nextBreachAt(task: BoardTask): number | undefined {
    if (!task.dueAt || task.breaches >= this.hooks.maxBreaches) return undefined;
    const due = Date.parse(task.dueAt);
    return due + task.breaches * Math.max(due - Date.parse(task.createdAt), 1_000);
  }

  /** A task beside the main flow (an escalation): nobody waits for it. */
  async spawn(spec: TaskSpec): Promise<BoardTask> {
    return this.create(spec, 'side');
  }

  async cancel(tasks: BoardTask[], reason: string, actor: Actor | null): Promise<void> {
    if (!tasks.length) return;
    for (const t of tasks) t.state = 'cancelled';
    for (const t of tasks) if (t.kind === 'side') this.tasks.delete(t.taskId);
    await projection().cancelTasks({ taskIds: tasks.map((t) => t.taskId), caseId: tasks[0].spec.caseId, reason, actor, at: new Date().toISOString() });
  }

  /** Open TKSK tasks follow the case to its new assignee. */
  async reassign(assigneeId: string): Promise<void> {
    const mine = this.open().filter((t) => t.spec.assigneeId);
    for (const t of mine) t.spec.assigneeId = assigneeId;
    await projection().reassignTasks({ taskIds: mine.map((t) => t.taskId), assigneeId });
  }

  /** Every open deadline later by `ms` (resume after a pause: clocks restart with the time that was left). */
  async postpone(ms: number): Promise<void> {
    await this.retime(
      this.open()
        .filter((t) => t.dueAt)
        .map((task) => ({ task, dueAt: new Date(Date.parse(task.dueAt!) + ms).toISOString() })),
    );
  }

  /** Moves due times (resume after a pause, extension), in the workflow and the inbox. */
  async retime(changes: { task: BoardTask; dueAt: string }[]): Promise<void> {
    if (!changes.length) return;
    for (const c of changes) c.task.dueAt = c.dueAt;
    await projection().retimeTasks({ caseId: changes[0].task.spec.caseId, dueAt: changes.map((c) => ({ taskId: c.task.taskId, dueAt: c.dueAt })) });
  }

  /** Refuses a claim, release or take-over the rules do not allow (domain/tasklist.ts checkClaim). */
  private checkClaimOn(input: ReturnType<typeof claimTaskInputSchema.parse>): BoardTask {
    const task = this.tasks.get(input.taskId);
    if (!task || task.state !== 'open') throw refuse('TaskNotOpen', `task ${input.taskId} is not open`);
    const check = checkClaim(input.actor, { ...task.spec, claimedBy: task.claimedBy ?? null }, input.action, input.reason);
    if (!check.ok)
      throw check.refusal === 'claimed'
        ? refuse('TaskClaimed', check.reason)
        : check.refusal === 'reason'
          ? invalidPayload(check.reason)
          : forbidden(check.reason);
    return task;
  }

  private validateClaim(raw: unknown): void {
    sealedActor(claimTaskUpdate.name, raw);
    const parsed = claimTaskInputSchema.safeParse(raw);
    if (!parsed.success) throw invalidPayload('malformed claim', zodIssues(parsed.error));
    this.checkClaimOn(parsed.data);
  }

  /**
   * Claim, release or take over: checked again before any await (two claims accepted together
   * reach the handler one after the other, and the second finds the first's claimant), then the
   * inbox row and the audit row are written.
   */
  private async claim(raw: unknown): Promise<ClaimTaskResult> {
    const input = claimTaskInputSchema.parse(raw);
    const task = this.checkClaimOn(input);
    const previousClaimant = task.claimedBy ?? null;
    const claimedBy = input.action === 'unclaim' ? null : input.actor.id;
    if (previousClaimant === claimedBy)
      return { taskId: task.taskId, action: input.action, claimedBy, claimedAt: task.claimedAt ?? null, previousClaimant, changed: false };
    // Marks the histories that hold claims, for any later change to them to branch on.
    patched(TASK_CLAIMS_PATCH);
    const at = new Date().toISOString();
    task.claimedBy = claimedBy;
    task.claimedAt = claimedBy ? at : null;
    const eventId = uuid4();
    await condition(() => task.created !== false);
    await projection().recordTaskClaim({
      eventId,
      taskId: task.taskId,
      caseId: task.spec.caseId,
      action: input.action,
      actor: input.actor,
      claimedBy,
      previousClaimant,
      reason: input.reason ?? null,
      at,
    });
    return { taskId: task.taskId, action: input.action, claimedBy, claimedAt: task.claimedAt, previousClaimant, changed: true };
  }

  private validate(raw: unknown): void {
    sealedActor(completeTaskUpdate.name, raw);
    const parsed = completeTaskInputSchema.safeParse(raw);
    if (!parsed.success) throw invalidPayload('malformed completion');
    const input = parsed.data;
    const task = this.tasks.get(input.taskId);
    if (!task || task.state !== 'open') throw refuse('TaskNotOpen', `task ${input.taskId} is not open`);
    if (this.hooks.paused()) throw conflict('the case is paused: resume it first');
    // A claimed task is its claimant's (decision 0025). Only the claimTask Update sets claimedBy,
    // so a history without claims is validated exactly as before.
    if (task.claimedBy && task.claimedBy !== input.actor.id) throw refuse('TaskClaimed', 'the task is claimed by someone else');
    const decision = canCompleteTask(input.actor, task.spec);
    if (!decision.ok) throw forbidden(decision.reason);
    const payload = completionSchemaFor(task.spec.type).safeParse(completionOf(input.outcome, input.data));
    if (!payload.success) throw invalidPayload('invalid task payload', zodIssues(payload.error));
  }

  private async complete(raw: unknown): Promise<TaskCompletionResult> {
    const input = completeTaskInputSchema.parse(raw);
    const task = this.tasks.get(input.taskId)!;
    // Claimed synchronously, before any await: a second Update for the same task fails validation.
    task.state = 'completing';
    await condition(() => task.created !== false);
    // The validator checked the payload when the Update was accepted. A completion replayed from a
    // history written under an earlier schema (a field required since) keeps the data it had then:
    // parsing it again must not fail the replay.
    const submitted = completionOf(input.outcome, input.data);
    const parsed = completionSchemaFor(task.spec.type).safeParse(submitted);
    const payload = (parsed.success ? parsed.data : submitted) as { outcome?: string; data: Record<string, unknown> };
    const completedAt = new Date().toISOString();
    const outcome = 'outcome' in payload ? (payload.outcome as string) : null;
    const record = { taskId: task.taskId, caseId: task.spec.caseId, type: task.spec.type, outcome, data: payload.data, actor: input.actor, completedAt };
    // A main task's completion goes with the next step's write (usually its task row), in one
    // transaction; a side task has no next step.
    if (task.kind === 'main' && localProjections()) deferCompletion(record);
    else await projection().completeTask(record);
    task.result = { taskId: task.taskId, type: task.spec.type, outcome, data: payload.data as Record<string, unknown>, actor: input.actor, completedAt };
    task.state = 'done';
    if (task.kind === 'side') this.tasks.delete(task.taskId);
    this.hooks.onCompleted?.(task);
    // A main task's result moves the case on: answer once the workflow has done so.
    if (task.kind === 'main') await this.wakeAndSettle();
    // Written before the caller hears back, whatever the main loop did.
    await flushCompletions();
    return { taskId: task.taskId, type: task.spec.type, outcome, completedAt, actorId: input.actor.id, ...this.hooks.snapshot() };
  }
}

/**
 * The board of a record the kabupaten reviews (a KPM data fix, a sanction, a monthly report): it
 * never pauses; a late task is marked overdue with a reminder, and at the second breach the
 * kabupaten gets an sla_escalation task naming the record. `auditPrefix` names the audit actions
 * (`<prefix>.reminder`, `<prefix>.escalated`); `regionCode` and `context` are read at breach time.
 */
export function escalatingBoard(o: {
  snapshot: () => WorkflowSnapshot;
  auditPrefix: string;
  regionCode: () => string;
  context: () => Record<string, unknown>;
}): TaskBoard {
  const board: TaskBoard = new TaskBoard({
    snapshot: o.snapshot,
    paused: () => false,
    maxBreaches: 2,
    onBreach: async (task, level) => {
      await projection().markOverdue({
        taskId: task.taskId,
        caseId: null,
        level,
        action: `${o.auditPrefix}.${level === 1 ? 'reminder' : 'escalated'}`,
        at: new Date().toISOString(),
      });
      upsertSearchAttributes([{ key: SA.overdue, value: true }]);
      if (level === 2) {
        await board.spawn({
          type: 'sla_escalation',
          caseId: null,
          regionCode: o.regionCode(),
          context: { ...o.context(), overdueTaskId: task.taskId, overdueTaskType: task.spec.type, dueAt: task.dueAt },
        });
      }
    },
  });
  return board;
}
