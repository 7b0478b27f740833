// rujukanWorkflow: one referral (rujukan), a child of its case with id `rujukan-<caseId>-<n>`,
// running beside pendampingan. The TKSK records the receiving side's acknowledgement and outcome
// in a rujukan_feedback task. No feedback by the policy's due time → reminder (task overdue);
// none after another period → sla_escalation task to the kabupaten supervisor.
import { CancellationScope, getExternalWorkflowHandle, isCancellation, setHandler } from '@temporalio/workflow';
import { referralInputSchema, type CaseSnapshot, type ReferralInput } from '../domain/workflowContracts';
import { referralAssigneeSignal, referralClosedSignal, referralPausedSignal } from './definitions';
import { parseInput } from './failures';
import { isSealedSignal, requireSealedStart, sealSignal } from './seal';
import { projection } from './projection';
import { TaskBoard } from './taskBoard';

export async function rujukanWorkflow(raw: ReferralInput): Promise<{ status: string }> {
  const input = parseInput(referralInputSchema, raw, 'referral');
  requireSealedStart(raw, input.requestedBy);
  const { referralId, caseId, regions } = input;
  let paused = input.paused;
  let pausedAt: string | null = paused ? new Date().toISOString() : null;

  const snapshot = (): CaseSnapshot => ({
    caseId,
    status: 'pendampingan',
    step: 'rujukan_feedback',
    assigneeId: input.assigneeId,
    closedReason: null,
    paused,
    openTasks: board.summaries(),
    referrals: [],
    pendingInterventions: [],
  });

  const board: TaskBoard = new TaskBoard({
    snapshot: () => ({ case: snapshot() }),
    paused: () => paused,
    maxBreaches: 2,
    async onBreach(task, level) {
      const at = new Date().toISOString();
      await projection().markOverdue({ taskId: task.taskId, caseId, level, action: level === 1 ? 'rujukan.reminder' : 'rujukan.escalated', at });
      if (level === 2) {
        await board.spawn({
          type: 'sla_escalation',
          caseId,
          regionCode: regions.kabupaten,
          context: { referralId, overdueTaskId: task.taskId, overdueTaskType: task.spec.type, dueAt: task.dueAt },
        });
      }
    },
  });

  setHandler(referralAssigneeSignal, async (signal) => {
    if (!(await isSealedSignal('referralAssignee', signal))) return;
    const { assigneeId } = signal;
    input.assigneeId = assigneeId;
    await board.reassign(assigneeId);
  });
  setHandler(referralPausedSignal, async (signal) => {
    if (!(await isSealedSignal('referralPaused', signal))) return;
    const { paused: next, at } = signal;
    if (next === paused) return;
    paused = next;
    if (next) {
      pausedAt = at;
    } else if (pausedAt) {
      // Clocks restart with the time that was left.
      const pausedFor = Date.parse(at) - Date.parse(pausedAt);
      pausedAt = null;
      await board.postpone(pausedFor);
    }
    await board.wakeAndSettle();
  });

  await projection().recordReferral({ ...input, at: new Date().toISOString() });
  try {
    const r = await board.run<Record<string, unknown>>({
      type: 'rujukan_feedback',
      caseId,
      regionCode: regions.kecamatan,
      assigneeId: input.assigneeId,
      context: { referralId, referral: input.referral },
    });
    const status = r?.outcome === 'served' ? 'served' : 'not_served';
    await board.cancel(board.open(), 'referral feedback received', null);
    await projection().closeReferral({ referralId, caseId, status, outcome: r?.data ?? null, actor: r?.actor ?? null, at: new Date().toISOString() });
    board.drain();
    await getExternalWorkflowHandle(input.parentWorkflowId).signal(
      referralClosedSignal,
      sealSignal(input.parentWorkflowId, 'referralClosed', { referralId, status }),
    );
    return { status };
  } catch (err) {
    if (!isCancellation(err)) throw err;
    // The case was closed or cancelled: close the referral's tasks and row, then end cancelled.
    await CancellationScope.nonCancellable(async () => {
      await board.cancel(board.open(), 'case closed or cancelled', null);
      await projection().closeReferral({ referralId, caseId, status: 'cancelled', outcome: null, actor: null, at: new Date().toISOString() });
    });
    board.drain();
    throw err;
  }
}
