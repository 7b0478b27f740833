// meetingWorkflow: one koordinasi meeting (Tikor kecamatan, rakor kabupaten, case conference…),
// id `rapat-<meetingId>` (docs/koordinasi.md). The meeting is recorded, then every action item
// becomes a task for its owner at once (koordinasi_tindak_lanjut for a TKSK,
// koordinasi_tindak_lanjut_dinas for a kabupaten supervisor) on a working-day deadline: the one
// the meeting gave, else the SLA policy. A silent owner is reminded at the first breach; at the
// second the kabupaten supervisor is asked to step in (sla_escalation), as for complaints. The
// meeting is completed when its last action item is done. Every step is audited.
//
// The action items run side by side, so they are the board's side tasks (TaskBoard.run waits for
// one main task at a time); their deadline clocks are kept here.
import { condition, setHandler, uuid4 } from '@temporalio/workflow';
import {
  meetingWorkflowIdOf,
  meetingWorkflowInputSchema,
  type ActionItemStatus,
  type MeetingSnapshot,
  type MeetingStatus,
  type MeetingWorkflowInput,
} from '../domain/koordinasi';
import type { TaskType } from '../domain/taskTypes';
import { meetingRecordedUpdate, meetingSnapshotQuery } from './definitions';
import { parseInput } from './failures';
import { projection } from './projection';
import { requireSealedStart } from './seal';
import { TaskBoard, type BoardTask } from './taskBoard';

/** Deadline breaches handled per action item: a reminder, then the escalation. */
const MAX_BREACHES = 2;

interface Item {
  actionItemId: string;
  ownerId: string;
  status: ActionItemStatus;
  taskId: string | null;
  createdAt: string;
  dueAt: string | null;
  breaches: number;
}

class MeetingRun {
  status: MeetingStatus = 'following_up';
  /** True once the row and every action item's task are written (POST /api/meetings answers then). */
  ready = false;
  readonly items: Item[];
  /** Completed action-item tasks the main loop has still to record. */
  readonly completed: BoardTask[] = [];
  readonly board: TaskBoard;

  constructor(readonly input: MeetingWorkflowInput) {
    this.items = input.actionItems.map((a) => ({
      actionItemId: a.actionItemId,
      ownerId: a.ownerId,
      status: 'open',
      taskId: null,
      createdAt: input.recordedAt,
      dueAt: null,
      breaches: 0,
    }));
    this.board = new TaskBoard({
      snapshot: () => ({ meeting: this.snapshot() }),
      paused: () => false,
      maxBreaches: MAX_BREACHES,
      // Only side tasks here: their breaches are handled by breached() below.
      onBreach: async () => undefined,
      onCompleted: (task) => {
        const item = this.items.find((i) => i.taskId === task.taskId);
        if (!item) return;
        item.status = 'done';
        this.completed.push(task);
      },
    });
  }

  get id(): string {
    return this.input.meetingId;
  }

  snapshot(): MeetingSnapshot {
    return {
      meetingId: this.id,
      status: this.status,
      actionItems: this.items.map((i) => ({ actionItemId: i.actionItemId, ownerId: i.ownerId, status: i.status, taskId: i.taskId })),
      openTasks: this.board.summaries(),
    };
  }

  /** Every action item's task, written one after the other (each its own inbox row and deadline). */
  async assign(): Promise<void> {
    const { record } = this.input;
    for (const [i, a] of this.input.actionItems.entries()) {
      const type: TaskType = a.ownerRole === 'tksk' ? 'koordinasi_tindak_lanjut' : 'koordinasi_tindak_lanjut_dinas';
      const task = await this.board.spawn({
        type,
        caseId: null,
        regionCode: a.ownerRegion,
        assigneeId: a.ownerRole === 'tksk' ? a.ownerId : null,
        context: {
          meetingId: this.id,
          actionItemId: a.actionItemId,
          ownerId: a.ownerId,
          description: a.description,
          level: record.level,
          title: record.title,
          heldOn: record.heldOn,
          chair: record.chair,
          decisions: record.decisions,
        },
        duePeriod: a.dueWorkingDays ? `P${a.dueWorkingDays}D` : undefined,
      });
      Object.assign(this.items[i], { taskId: task.taskId, createdAt: task.createdAt, dueAt: task.dueAt });
    }
    await projection().linkActionItemTasks({ links: this.items.map((i) => ({ actionItemId: i.actionItemId, taskId: i.taskId! })) });
  }

  /** When the next open item's next breach falls (level n at dueAt + (n-1) × its own period), as in TaskBoard. */
  nextBreach(): { item: Item; at: number } | undefined {
    let next: { item: Item; at: number } | undefined;
    for (const item of this.items) {
      if (item.status !== 'open' || !item.dueAt || item.breaches >= MAX_BREACHES) continue;
      const due = Date.parse(item.dueAt);
      const at = due + item.breaches * Math.max(due - Date.parse(item.createdAt), 1_000);
      if (!next || at < next.at) next = { item, at };
    }
    return next;
  }

  /** The owner is silent past the deadline: a reminder first, then the kabupaten supervisor is asked to step in. */
  async breached(item: Item): Promise<void> {
    item.breaches++;
    const level = item.breaches;
    await projection().markOverdue({
      taskId: item.taskId!,
      caseId: null,
      level,
      action: level === 1 ? 'koordinasi.reminder' : 'koordinasi.escalated',
      at: new Date().toISOString(),
    });
    if (level === 2) {
      await this.board.spawn({
        type: 'sla_escalation',
        caseId: null,
        regionCode: this.input.regions.kabupaten,
        context: {
          meetingId: this.id,
          actionItemId: item.actionItemId,
          overdueTaskId: item.taskId,
          overdueTaskType: 'koordinasi_tindak_lanjut',
          dueAt: item.dueAt,
          ownerId: item.ownerId,
        },
      });
    }
  }

  /** Records a done action item (and the meeting's completion with the last one). */
  async record(task: BoardTask): Promise<void> {
    const item = this.items.find((i) => i.taskId === task.taskId)!;
    const data = (task.result?.data ?? {}) as { result?: string; doneOn?: string };
    const last = this.items.every((i) => i.status !== 'open') && this.completed.length === 0;
    if (last) this.status = 'completed';
    await projection().updateActionItem({
      meetingId: this.id,
      actionItemId: item.actionItemId,
      status: 'done',
      result: data.result,
      doneOn: data.doneOn,
      meetingCompleted: last,
      eventId: uuid4(),
      at: task.result?.completedAt ?? new Date().toISOString(),
      actor: task.result?.actor ?? null,
      action: 'meeting.action_item_done',
      details: { doneOn: data.doneOn, meetingCompleted: last },
    });
  }
}

export async function meetingWorkflow(raw: MeetingWorkflowInput): Promise<MeetingSnapshot> {
  const input = parseInput(meetingWorkflowInputSchema, raw, 'meeting');
  requireSealedStart(raw, input.recordedBy);
  const run = new MeetingRun(input);
  setHandler(meetingSnapshotQuery, () => run.snapshot());
  setHandler(meetingRecordedUpdate, async () => {
    await condition(() => run.ready);
    return run.snapshot();
  });

  await projection().recordMeeting({ ...input, workflowId: meetingWorkflowIdOf(input.meetingId) });
  if (run.items.length) await run.assign();
  else run.status = 'completed';
  run.ready = true;

  while (run.items.some((i) => i.status === 'open') || run.completed.length) {
    while (run.completed.length) await run.record(run.completed.shift()!);
    if (!run.items.some((i) => i.status === 'open')) break;
    const next = run.nextBreach();
    if (next && next.at <= Date.now()) {
      await run.breached(next.item);
      continue;
    }
    await run.board.waitFor(() => run.completed.length > 0, next ? next.at - Date.now() : undefined);
  }
  // An escalation still open has nothing left to escalate.
  await run.board.cancel(run.board.open(), 'meeting action items done', null);
  await run.board.finish();
  return run.snapshot();
}
