// complaintWorkflow: one Program Sembako complaint (pengaduan), id `pengaduan-<complaintId>`
// (docs/sembako.md). The TKSK forwards it to whoever must answer (the bank, the e-warong, the desa,
// Dinas Sosial) or settles it at once; then, as in the referral loop (workflows/rujukan.ts), the
// TKSK records the answerer's acknowledgement and resolution, each on a working-day deadline:
// the first breach is a reminder, the second escalates to the kabupaten supervisor. The
// resolution is confirmed with the complainant before the complaint closes; a declined,
// unresolved or reopened complaint is forwarded again. Every transition is audited.
import { condition, setHandler, upsertSearchAttributes, uuid4 } from '@temporalio/workflow';
import type { Actor } from '../domain/roles';
import {
  complaintActionAllowed,
  complaintActionBodySchemas,
  complaintActionInputSchema,
  complaintWorkflowInputSchema,
  type Answerer,
  type ComplaintActionInput,
  type ComplaintSnapshot,
  type ComplaintStatus,
  type ComplaintWorkflowInput,
} from '../domain/sembako';
import type { TaskType } from '../domain/taskTypes';
import { complaintActionUpdate, complaintOpenedUpdate, complaintSnapshotQuery, SA } from './definitions';
import { conflict, forbidden, invalidPayload, parseInput, zodIssues } from './failures';
import { projection } from './projection';
import { requireSealedStart, sealedActor } from './seal';
import { TaskBoard, type TaskResult } from './taskBoard';

const TERMINAL: readonly ComplaintStatus[] = ['closed', 'withdrawn'];

/** The complaint's state as plain data, and the one place that moves it (projection, audit, search attributes). */
class ComplaintRun {
  status: ComplaintStatus = 'forwarding';
  answerer: Answerer | null = null;
  forwards = 0;
  /** Set by the withdraw action; the main loop ends the complaint with it. */
  withdrawal: { actor: Actor; reason: string } | null = null;
  readonly board: TaskBoard;

  constructor(readonly input: ComplaintWorkflowInput) {
    this.board = new TaskBoard({
      snapshot: () => ({ complaint: this.snapshot() }),
      paused: () => false,
      maxBreaches: 2,
      onBreach: (task, level) => this.breached(task.taskId, task.spec.type, task.dueAt, level),
    });
  }

  get id(): string {
    return this.input.complaintId;
  }

  snapshot(): ComplaintSnapshot {
    return {
      complaintId: this.id,
      status: this.status,
      kecamatanCode: this.input.regions.kecamatan,
      assigneeId: this.input.assigneeId,
      answerer: this.answerer,
      forwards: this.forwards,
      openTasks: this.board.summaries(),
    };
  }

  /** A step of the complaint: the row, its audit row and the search attributes move together. */
  async move(
    status: ComplaintStatus,
    action: string,
    actor: Actor | null,
    extra: { answerer?: Answerer | null; resolution?: Record<string, unknown>; details?: Record<string, unknown> } = {},
  ): Promise<void> {
    this.status = status;
    if (extra.answerer !== undefined) this.answerer = extra.answerer;
    await projection().updateComplaint({
      complaintId: this.id,
      status,
      answerer: extra.answerer,
      resolution: extra.resolution,
      eventId: uuid4(),
      at: new Date().toISOString(),
      actor,
      action,
      details: extra.details ?? {},
    });
    // A new step starts on a fresh deadline.
    upsertSearchAttributes([
      { key: SA.complaintStatus, value: status },
      { key: SA.overdue, value: false },
    ]);
  }

  /** The answerer (or the TKSK) is silent past the deadline: a reminder first, then the kabupaten supervisor is asked to step in. */
  private async breached(taskId: string, type: TaskType, dueAt: string | null, level: number): Promise<void> {
    const at = new Date().toISOString();
    await projection().markOverdue({ taskId, caseId: null, level, action: level === 1 ? 'pengaduan.reminder' : 'pengaduan.escalated', at });
    upsertSearchAttributes([{ key: SA.overdue, value: true }]);
    if (level === 2) {
      await this.board.spawn({
        type: 'sla_escalation',
        caseId: null,
        regionCode: this.input.regions.kabupaten,
        context: { complaintId: this.id, overdueTaskId: taskId, overdueTaskType: type, dueAt, answerer: this.answerer },
      });
    }
  }

  /** Runs one TKSK step of the complaint with what the TKSK needs to see; none once it is withdrawn. */
  async step<D>(type: TaskType, context: Record<string, unknown>): Promise<TaskResult<D> | undefined> {
    // A withdrawal that arrived between two steps found no task to cancel: no next step either.
    if (this.withdrawal) return undefined;
    const { intake } = this.input;
    return this.board.run<D>({
      type,
      caseId: null,
      regionCode: this.input.regions.kecamatan,
      assigneeId: this.input.assigneeId,
      context: {
        complaintId: this.id,
        category: intake.category,
        channel: intake.channel,
        laporReference: intake.laporReference ?? null,
        subject: intake.subject,
        description: intake.description,
        receivedOn: intake.receivedOn,
        answerer: this.answerer,
        ...context,
      },
    });
  }
}

/** Every Update and query of the complaint, in one place. */
function installHandlers(run: ComplaintRun): void {
  setHandler(complaintSnapshotQuery, () => run.snapshot());
  setHandler(complaintOpenedUpdate, async () => {
    await condition(() => run.board.tasksCreated > 0 || TERMINAL.includes(run.status));
    return run.snapshot();
  });
  setHandler(
    complaintActionUpdate,
    async (raw: ComplaintActionInput) => {
      const { action, actor, payload } = complaintActionInputSchema.parse(raw);
      if (action === 'note') {
        await projection().updateComplaint({
          complaintId: run.id,
          status: run.status,
          eventId: uuid4(),
          at: new Date().toISOString(),
          actor,
          action: 'complaint.noted',
          details: { text: payload.text },
        });
        return run.snapshot();
      }
      run.withdrawal = { actor, reason: String(payload.reason) };
      await run.board.cancel(run.board.open(), 'complaint withdrawn', actor);
      // The main loop records the withdrawal and ends: answer once it has.
      await run.board.wakeAndSettle();
      return run.snapshot();
    },
    {
      validator: (raw: unknown) => {
        sealedActor(complaintActionUpdate.name, raw);
        const parsed = complaintActionInputSchema.safeParse(raw);
        if (!parsed.success) throw invalidPayload('malformed complaint action');
        const { action, actor, payload } = parsed.data;
        const refusal = complaintActionAllowed(actor, { kecamatanCode: run.input.regions.kecamatan, assigneeId: run.input.assigneeId });
        if (refusal) throw forbidden(refusal);
        const body = complaintActionBodySchemas[action].safeParse(payload);
        if (!body.success) throw invalidPayload(`invalid ${action}`, zodIssues(body.error));
        if (action === 'withdraw' && (TERMINAL.includes(run.status) || run.withdrawal)) throw conflict(`the complaint is ${run.status}`);
      },
    },
  );
}

export async function complaintWorkflow(raw: ComplaintWorkflowInput): Promise<ComplaintSnapshot> {
  const input = parseInput(complaintWorkflowInputSchema, raw, 'complaint');
  requireSealedStart(raw, input.receivedBy);
  const run = new ComplaintRun(input);
  installHandlers(run);

  await projection().recordComplaint({
    complaintId: input.complaintId,
    workflowId: `pengaduan-${input.complaintId}`,
    intake: input.intake,
    regions: input.regions,
    receivedBy: input.receivedBy,
    assigneeId: input.assigneeId,
    at: input.receivedAt,
  });

  /** Why the complaint is being forwarded again (shown on the forwarding task). */
  let returnNote: string | null = null;
  for (;;) {
    const forward = await run.step<{ answerer?: Answerer; resolvedOn?: string; resolution?: string; evidence?: unknown[] }>('pengaduan_forward', {
      returnNote,
    });
    if (!forward) break;
    let resolution: Record<string, unknown>;
    if (forward.outcome === 'resolve_directly') {
      resolution = forward.data;
      await run.move('awaiting_confirmation', 'complaint.resolved', forward.actor, {
        answerer: null,
        resolution,
        details: { directly: true, evidence: forward.data.evidence?.length ?? 0 },
      });
    } else {
      const answerer = forward.data.answerer!;
      run.forwards++;
      await run.move('awaiting_acknowledgement', 'complaint.forwarded', forward.actor, {
        answerer,
        details: { answererType: answerer.type, answererName: answerer.name, forwards: run.forwards },
      });
      const ack = await run.step<{ acknowledgedOn?: string; reason?: string }>('pengaduan_acknowledgement', {});
      if (!ack) break;
      if (ack.outcome === 'declined') {
        returnNote = ack.data.reason ?? null;
        await run.move('forwarding', 'complaint.declined', ack.actor, { answerer: null, details: { answererType: answerer.type, reason: ack.data.reason } });
        continue;
      }
      await run.move('awaiting_resolution', 'complaint.acknowledged', ack.actor, { details: { acknowledgedOn: ack.data.acknowledgedOn } });
      const solved = await run.step<{ resolvedOn?: string; resolution?: string; evidence?: unknown[]; reason?: string }>('pengaduan_resolution', {});
      if (!solved) break;
      if (solved.outcome === 'unresolved') {
        returnNote = solved.data.reason ?? null;
        await run.move('forwarding', 'complaint.unresolved', solved.actor, {
          answerer: null,
          details: { answererType: answerer.type, reason: solved.data.reason },
        });
        continue;
      }
      resolution = solved.data;
      await run.move('awaiting_confirmation', 'complaint.resolved', solved.actor, {
        resolution,
        details: { directly: false, answererType: answerer.type, evidence: solved.data.evidence?.length ?? 0 },
      });
    }
    const confirmed = await run.step<{ confirmedOn?: string; reason?: string }>('pengaduan_confirmation', { resolution });
    if (!confirmed) break;
    if (confirmed.outcome === 'reopened') {
      returnNote = confirmed.data.reason ?? null;
      await run.move('forwarding', 'complaint.reopened', confirmed.actor, { answerer: null, details: { reason: confirmed.data.reason } });
      continue;
    }
    await run.move('closed', 'complaint.closed', confirmed.actor, { details: { confirmedOn: confirmed.data.confirmedOn, forwards: run.forwards } });
    break;
  }
  if (run.withdrawal) await run.move('withdrawn', 'complaint.withdrawn', run.withdrawal.actor, { details: { reason: run.withdrawal.reason } });
  // An escalation still open has nothing left to escalate.
  await run.board.cancel(run.board.open(), `complaint ${run.status}`, null);
  await run.board.finish();
  return run.snapshot();
}
