// The state of one case and what a run of caseWorkflow does with it: the main loop (phases.ts) and
// the interventions (interventions.ts) both work through a CaseRun. The state itself is plain data
// (CaseState), carried across continue-as-new; CaseRun adds the run's task board.
import {
  ParentClosePolicy,
  continueAsNew,
  getExternalWorkflowHandle,
  type ExternalWorkflowHandle,
  startChild,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { z } from 'zod';
import type { CaseStatus } from '../../domain/case';
import { addIsoDuration } from '../../domain/duration';
import type { Actor } from '../../domain/roles';
import type { referralSchema, TaskType } from '../../domain/taskTypes';
import type { CaseSnapshot, CaseWorkflowInput, PendingIntervention, ReferralSummary } from '../../domain/workflowContracts';
import { SA } from '../definitions';
import { flushCompletions, localProjections, projection } from '../projection';
import { rujukanWorkflow } from '../rujukan';
import { sealStart } from '../seal';
import { TaskBoard, type BoardTask, type TaskSpec } from '../taskBoard';

/** Continue-as-new well before Temporal's limits; a case in pendampingan can run for years. */
const DEFAULT_HISTORY_LIMIT = 2_000;

export type Phase = 'asesmen' | 'assessment_review' | 'pendampingan' | 'closure_review' | 'aftercare' | 'closed' | 'cancelled';

export const STATUS: Record<Phase, CaseStatus> = {
  asesmen: 'assessment',
  assessment_review: 'assessment_review',
  pendampingan: 'pendampingan',
  closure_review: 'closure_review',
  aftercare: 'aftercare',
  closed: 'closed',
  cancelled: 'cancelled',
};

export interface AsesmenData {
  needs: string[];
  riskLevel: string;
  planGoals: string[];
  visitCadenceDays: number;
  notes?: string;
}

export type Referral = z.infer<typeof referralSchema>;

/** Everything the case needs to go on, carried across continue-as-new. No personal data. */
export interface CaseState {
  caseId: string;
  regions: CaseWorkflowInput['regions'];
  pmksCode: string;
  historyLimit: number;
  phase: Phase;
  step: string;
  assigneeId: string;
  closedReason: string | null;
  /** Until when a closed case may be reopened. */
  reopenUntil: string | null;
  paused: boolean;
  pausedAt: string | null;
  plan: AsesmenData | null;
  planApproved: boolean;
  lastAsesmenBy: string | null;
  /** The reason of the last "return", shown to whoever redoes the step. */
  returnNotes: string | null;
  visitNo: number;
  closureProposal: { reason: string; note?: string; proposedBy: string } | null;
  /** When the bimbingan lanjut task is due to be created. */
  aftercareAt: string | null;
  referralSeq: number;
  referrals: ReferralSummary[];
  pending: PendingIntervention[];
  tasks: BoardTask[];
}

export type CaseWorkflowArg = CaseWorkflowInput | { continued: CaseState };

/** A new case: registered, its asesmen to do. */
export function initialState(input: CaseWorkflowInput): CaseState {
  return {
    caseId: input.caseId,
    regions: input.regions,
    pmksCode: input.registration.pmksCode,
    historyLimit: input.historyLimit ?? DEFAULT_HISTORY_LIMIT,
    phase: 'asesmen',
    step: 'registrasi',
    assigneeId: input.registeredBy.id,
    closedReason: null,
    reopenUntil: null,
    paused: false,
    pausedAt: null,
    plan: null,
    planApproved: false,
    lastAsesmenBy: null,
    returnNotes: null,
    visitNo: 0,
    closureProposal: null,
    aftercareAt: null,
    referralSeq: 0,
    referrals: [],
    pending: [],
    tasks: [],
  };
}

/** One run of a case's workflow: its state, its task board and what both can do. */
export class CaseRun {
  readonly board: TaskBoard;
  /** The run is completing: nothing more can be done to the case. */
  ended = false;

  constructor(readonly state: CaseState) {
    this.board = new TaskBoard(
      {
        snapshot: () => ({ case: this.snapshot() }),
        paused: () => this.state.paused,
        maxBreaches: 1,
        onBreach: (task, level) => this.escalate(task, level),
        onCompleted: () => this.refreshOverdue(),
        beforeWait: () => this.continueAsNewIfLong(),
      },
      state.tasks,
    );
  }

  get caseId(): string {
    return this.state.caseId;
  }

  get regions(): CaseState['regions'] {
    return this.state.regions;
  }

  snapshot(): CaseSnapshot {
    const s = this.state;
    return {
      caseId: s.caseId,
      status: STATUS[s.phase],
      step: s.step,
      assigneeId: s.assigneeId,
      closedReason: s.closedReason,
      paused: s.paused,
      openTasks: this.board.summaries(),
      referrals: s.referrals,
      pendingInterventions: s.pending,
    };
  }

  /** The case projection written with the next task row. */
  caseUpdate() {
    return { status: STATUS[this.state.phase], step: this.state.step, assigneeId: this.state.assigneeId };
  }

  /** Runs the case's next main task in its kecamatan, writing the case projection with its row. */
  runTask<D = Record<string, unknown>>(type: TaskType, spec: Omit<TaskSpec, 'type' | 'caseId' | 'regionCode' | 'caseUpdate'>) {
    return this.board.run<D>({ ...spec, type, caseId: this.caseId, regionCode: this.regions.kecamatan, caseUpdate: this.caseUpdate() });
  }

  enter(phase: Phase, step: string): void {
    this.state.phase = phase;
    this.state.step = step;
    upsertSearchAttributes([{ key: SA.caseStatus, value: STATUS[phase] }]);
  }

  /** An audit-only event of the case: its row does not change. */
  recordEvent(action: string, actor: Actor, details: Record<string, unknown>): Promise<void> {
    return projection().recordCaseEvent({ eventId: uuid4(), at: new Date().toISOString(), caseId: this.caseId, actor, action, details });
  }

  recordCase(action: string, actor: Actor | null, details: Record<string, unknown> = {}): Promise<void> {
    const s = this.state;
    return projection().updateCase({
      eventId: uuid4(),
      at: new Date().toISOString(),
      caseId: s.caseId,
      status: STATUS[s.phase],
      step: s.step,
      closedReason: s.closedReason,
      assigneeId: s.assigneeId,
      paused: s.paused,
      actor,
      action,
      details,
    });
  }

  async close(reason: string, actor: Actor | null, details: Record<string, unknown>): Promise<void> {
    const s = this.state;
    this.enter('closed', 'closed');
    s.closedReason = reason;
    const policies = await projection().getCasePolicies(s.regions.kecamatan);
    s.reopenUntil = addIsoDuration(new Date(), policies.reopen_window).toISOString();
    await this.board.cancel(this.board.open(), 'case closed', actor);
    await this.cancelReferrals();
    await this.recordCase('case.closed', actor, { ...details, reopenUntil: s.reopenUntil });
  }

  /** The run completes: Update callers get their answers, then the final snapshot. */
  async finish(): Promise<CaseSnapshot> {
    this.ended = true;
    await this.board.finish();
    return this.snapshot();
  }

  // ---- Referrals (rujukanWorkflow children) ---------------------------------------------------

  openReferrals(): ReferralSummary[] {
    return this.state.referrals.filter((r) => r.status === 'open');
  }

  async startReferral(referral: Referral, actor: Actor): Promise<void> {
    const s = this.state;
    const n = ++s.referralSeq;
    const referralId = `${s.caseId}-${n}`;
    const workflowId = `rujukan-${referralId}`;
    s.referrals.push({ referralId, workflowId, status: 'open', destinationType: referral.destinationType, institutionName: referral.institutionName });
    // The visit that asked for the referral is on record before the referral's own rows.
    await flushCompletions();
    await startChild(rujukanWorkflow, {
      workflowId,
      args: [
        sealStart(
          workflowId,
          'rujukanWorkflow',
          {
            referralId,
            caseId: s.caseId,
            parentWorkflowId: workflowInfo().workflowId,
            regions: { kabupaten: s.regions.kabupaten, kecamatan: s.regions.kecamatan },
            assigneeId: s.assigneeId,
            referral,
            requestedBy: actor,
            paused: s.paused,
          },
          actor,
        ),
      ],
      // The referral outlives a continue-as-new of its case; the case cancels it explicitly.
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  }

  /** Reaches every open referral; one that has just ended (its signal still on the way) is skipped. */
  async forEachOpenReferral(fn: (h: ExternalWorkflowHandle) => Promise<void>): Promise<void> {
    for (const r of this.openReferrals()) {
      try {
        await fn(getExternalWorkflowHandle(r.workflowId));
      } catch {
        // already completed
      }
    }
  }

  async cancelReferrals(): Promise<void> {
    await this.forEachOpenReferral((h) => h.cancel());
    for (const r of this.openReferrals()) r.status = 'cancelled';
  }

  // ---- The board's hooks ----------------------------------------------------------------------

  // A breached deadline: the task and case are overdue, and the kabupaten supervisor gets an
  // sla_escalation task. Escalation tasks themselves never escalate.
  private async escalate(task: BoardTask, level: number): Promise<void> {
    await projection().markOverdue({ taskId: task.taskId, caseId: this.caseId, level, action: 'task.overdue', at: new Date().toISOString() });
    upsertSearchAttributes([{ key: SA.overdue, value: true }]);
    await this.board.spawn({
      type: 'sla_escalation',
      caseId: this.caseId,
      regionCode: this.regions.kabupaten,
      context: { overdueTaskId: task.taskId, overdueTaskType: task.spec.type, dueAt: task.dueAt, assigneeId: task.spec.assigneeId ?? null },
    });
  }

  private refreshOverdue(): void {
    const overdue = this.board.open().some((t) => t.breaches > 0);
    // An unchanged value is a history event and a visibility write for nothing.
    if (localProjections() && workflowInfo().typedSearchAttributes.get(SA.overdue) === overdue) return;
    upsertSearchAttributes([{ key: SA.overdue, value: overdue }]);
  }

  // Continue-as-new well before Temporal's history limits, at a wait: the next task exists,
  // so Update callers get their answer and the new run adopts the open tasks.
  private async continueAsNewIfLong(): Promise<void> {
    if (workflowInfo().historyLength <= this.state.historyLimit && !workflowInfo().continueAsNewSuggested) return;
    await this.board.finish();
    this.state.tasks = this.board.serialize();
    const info = workflowInfo();
    await continueAsNew<(arg: CaseWorkflowArg) => Promise<CaseSnapshot>>(sealStart(info.workflowId, info.workflowType, { continued: this.state }, null));
  }
}
