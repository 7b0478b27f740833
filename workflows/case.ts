// caseWorkflow: one per case, id `case-<caseId>` (PRODUCT.md §3.1).
//
//   asesmen → assessment_approval ─ approve → pendampingan (visits on the plan's cadence;
//   refer → a rujukanWorkflow child beside it) ─ propose_closure → closure_approval ─ approve →
//   aftercare wait → bimbingan_lanjut → closed (reopenable within the policy window);
//   return → back one step with the reason; reject → closed "rejected"; cancel → cancelled.
//
// The state is plain data: the main loop dispatches on `phase`, so after continue-as-new it
// resumes exactly where it was, adopting the open task it carried over.
import {
  ApplicationFailure,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  type ExternalWorkflowHandle,
  setHandler,
  startChild,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import { addIsoDuration } from '../domain/duration';
import type { CaseStatus } from '../domain/case';
import {
  confirmInputSchema,
  DESTRUCTIVE_INTERVENTIONS,
  interveneInputSchema,
  interventionBodySchemas,
  type Intervention,
  type InterventionResult,
} from '../domain/interventions';
import { canIntervene } from '../domain/access';
import { regionCovers } from '../domain/regions';
import type { Actor } from '../domain/roles';
import type { referralSchema } from '../domain/taskTypes';
import {
  caseWorkflowInputSchema,
  type CaseSnapshot,
  type CaseWorkflowInput,
  type PendingIntervention,
  type ReferralSummary,
} from '../domain/workflowContracts';
import type { z } from 'zod';
import {
  caseSnapshotQuery,
  confirmInterventionUpdate,
  interveneUpdate,
  referralAssigneeSignal,
  referralClosedSignal,
  referralPausedSignal,
  registeredUpdate,
  SA,
} from './definitions';
import { flushCompletions, localProjections, projection } from './projection';
import { rujukanWorkflow } from './rujukan';
import { TaskBoard, type BoardTask } from './taskBoard';


/** Continue-as-new well before Temporal's limits; a case in pendampingan can run for years. */
const DEFAULT_HISTORY_LIMIT = 2_000;

type Phase = 'asesmen' | 'assessment_review' | 'pendampingan' | 'closure_review' | 'aftercare' | 'closed' | 'cancelled';

const STATUS: Record<Phase, CaseStatus> = {
  asesmen: 'assessment',
  assessment_review: 'assessment_review',
  pendampingan: 'pendampingan',
  closure_review: 'closure_review',
  aftercare: 'aftercare',
  closed: 'closed',
  cancelled: 'cancelled',
};

interface AsesmenData {
  needs: string[];
  riskLevel: string;
  planGoals: string[];
  visitCadenceDays: number;
  notes?: string;
}

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

export async function caseWorkflow(arg: CaseWorkflowArg): Promise<CaseSnapshot> {
  let state: CaseState;
  let registration: CaseWorkflowInput | undefined;
  if ('continued' in arg) {
    state = arg.continued;
  } else {
    const parsed = caseWorkflowInputSchema.safeParse(arg);
    if (!parsed.success) throw ApplicationFailure.nonRetryable(`invalid case input: ${parsed.error.message}`, 'InvalidInput');
    const input = parsed.data;
    state = {
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
    registration = input;
  }
  const s = state;
  const { caseId, regions } = s;
  let ended = false;

  const snapshot = (): CaseSnapshot => ({
    caseId,
    status: STATUS[s.phase],
    step: s.step,
    assigneeId: s.assigneeId,
    closedReason: s.closedReason,
    paused: s.paused,
    openTasks: board.summaries(),
    referrals: s.referrals,
    pendingInterventions: s.pending,
  });

  const refreshOverdue = () => {
    const overdue = board.open().some((t) => t.breaches > 0);
    // An unchanged value is a history event and a visibility write for nothing.
    if (localProjections() && workflowInfo().typedSearchAttributes.get(SA.overdue) === overdue) return;
    upsertSearchAttributes([{ key: SA.overdue, value: overdue }]);
  };

  const board: TaskBoard = new TaskBoard(
    {
      snapshot: () => ({ case: snapshot() }),
      paused: () => s.paused,
      maxBreaches: 1,
      // A breached deadline: the task and case are overdue, and the kabupaten supervisor gets an
      // sla_escalation task. Escalation tasks themselves never escalate.
      async onBreach(task, level) {
        await projection().markOverdue({ taskId: task.taskId, caseId, level, action: 'task.overdue', at: new Date().toISOString() });
        upsertSearchAttributes([{ key: SA.overdue, value: true }]);
        await board.spawn({
          type: 'sla_escalation',
          caseId,
          regionCode: regions.kabupaten,
          context: { overdueTaskId: task.taskId, overdueTaskType: task.spec.type, dueAt: task.dueAt, assigneeId: task.spec.assigneeId ?? null },
        });
      },
      onCompleted: refreshOverdue,
      // Continue-as-new well before Temporal's history limits, at a wait: the next task exists,
      // so Update callers get their answer and the new run adopts the open tasks.
      async beforeWait() {
        if (workflowInfo().historyLength <= s.historyLimit && !workflowInfo().continueAsNewSuggested) return;
        board.drain();
        await condition(allHandlersFinished);
        s.tasks = board.serialize();
        await continueAsNew<typeof caseWorkflow>({ continued: s });
      },
    },
    s.tasks,
  );

  setHandler(caseSnapshotQuery, snapshot);
  setHandler(registeredUpdate, async () => {
    // Registered = the case row and its first task are written.
    await condition(() => board.tasksCreated > 0);
    return snapshot();
  });
  setHandler(referralClosedSignal, ({ referralId, status }) => {
    const r = s.referrals.find((x) => x.referralId === referralId);
    if (r && r.status === 'open') r.status = status;
  });

  const enter = (phase: Phase, step: string) => {
    s.phase = phase;
    s.step = step;
    upsertSearchAttributes([{ key: SA.caseStatus, value: STATUS[phase] }]);
  };

  const recordCase = (action: string, actor: Actor | null, details: Record<string, unknown> = {}) =>
    projection().updateCase({
      eventId: uuid4(),
      at: new Date().toISOString(),
      caseId,
      status: STATUS[s.phase],
      step: s.step,
      closedReason: s.closedReason,
      assigneeId: s.assigneeId,
      paused: s.paused,
      actor,
      action,
      details,
    });

  const caseUpdate = () => ({ status: STATUS[s.phase], step: s.step, assigneeId: s.assigneeId });

  const openReferrals = () => s.referrals.filter((r) => r.status === 'open');

  async function cancelReferrals() {
    await forEachOpenReferral((h) => h.cancel());
    for (const r of openReferrals()) r.status = 'cancelled';
  }

  async function close(reason: string, actor: Actor | null, details: Record<string, unknown>) {
    enter('closed', 'closed');
    s.closedReason = reason;
    const policies = await projection().getCasePolicies(regions.kecamatan);
    s.reopenUntil = addIsoDuration(new Date(), policies.reopen_window).toISOString();
    await board.cancel(board.open(), 'case closed', actor);
    await cancelReferrals();
    await recordCase('case.closed', actor, { ...details, reopenUntil: s.reopenUntil });
  }

  async function startReferral(referral: z.infer<typeof referralSchema>, actor: Actor) {
    const n = ++s.referralSeq;
    const referralId = `${caseId}-${n}`;
    const workflowId = `rujukan-${referralId}`;
    s.referrals.push({ referralId, workflowId, status: 'open', destinationType: referral.destinationType, institutionName: referral.institutionName });
    // The visit that asked for the referral is on record before the referral's own rows.
    await flushCompletions();
    await startChild(rujukanWorkflow, {
      workflowId,
      args: [{ referralId, caseId, parentWorkflowId: workflowInfo().workflowId, regions: { kabupaten: regions.kabupaten, kecamatan: regions.kecamatan }, assigneeId: s.assigneeId, referral, requestedBy: actor, paused: s.paused }],
      // The referral outlives a continue-as-new of its case; the case cancels it explicitly.
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
  }

  /** Reaches every open referral; one that has just ended (its signal still on the way) is skipped. */
  async function forEachOpenReferral(fn: (h: ExternalWorkflowHandle) => Promise<void>) {
    for (const r of openReferrals()) {
      try {
        await fn(getExternalWorkflowHandle(r.workflowId));
      } catch {
        // already completed
      }
    }
  }

  // ---- Interventions (PRODUCT.md §3.5) ------------------------------------------------------

  const conflict = (message: string) => ApplicationFailure.create({ type: 'Conflict', message });

  /** Can `action` be applied in the case's current state? Throws the reason if not. */
  function checkApplicable(
    action: Intervention,
    payload: Record<string, unknown>,
    assignee?: { id: string; role: string; regionCode: string | null; disabled: boolean },
    confirming?: string,
  ) {
    if (ended) throw conflict('the case has ended');
    const terminal = s.phase === 'closed' || s.phase === 'cancelled';
    if (terminal && action !== 'note' && action !== 'reopen') throw conflict(`the case is ${STATUS[s.phase]}`);
    switch (action) {
      case 'pause':
        if (s.paused) throw conflict('the case is already paused');
        break;
      case 'resume':
        if (!s.paused) throw conflict('the case is not paused');
        break;
      case 'extend-deadline': {
        const t = board.get(String(payload.taskId));
        if (!t || t.state !== 'open' || !t.dueAt) throw conflict(`task ${String(payload.taskId)} is not an open task of this case with a deadline`);
        break;
      }
      case 'reassign':
        if (!assignee) throw ApplicationFailure.create({ type: 'InvalidPayload', message: 'unknown user', details: [[{ path: ['toUserId'], message: 'unknown user', code: 'custom' }]] });
        if (assignee.role !== 'tksk' || assignee.disabled || !assignee.regionCode || !regionCovers(assignee.regionCode, regions.kecamatan)) {
          throw ApplicationFailure.create({ type: 'InvalidPayload', message: 'not an active TKSK of this kecamatan', details: [[{ path: ['toUserId'], message: `must be an active TKSK of kecamatan ${regions.kecamatan}`, code: 'custom' }]] });
        }
        if (assignee.id === s.assigneeId) throw conflict('the case is already assigned to this TKSK');
        break;
      case 'reopen':
        if (s.phase !== 'closed') throw conflict('only a closed case can be reopened');
        if (!s.reopenUntil || Date.now() > Date.parse(s.reopenUntil)) throw conflict('the reopen window has passed');
        break;
      default:
        break;
    }
    if (s.pending.some((p) => p.action === action && p.interventionId !== confirming)) throw conflict(`a ${action} is already waiting for confirmation`);
  }

  function validateIntervention(raw: unknown) {
    const parsed = interveneInputSchema.safeParse(raw);
    if (!parsed.success) throw ApplicationFailure.create({ type: 'InvalidPayload', message: 'malformed intervention', details: [[]] });
    const { action, actor, payload, assignee } = parsed.data;
    const decision = canIntervene(actor, action, { kecamatanCode: regions.kecamatan, assigneeId: s.assigneeId });
    if (!decision.ok) throw ApplicationFailure.create({ type: 'Forbidden', message: decision.reason });
    const body = interventionBodySchemas[action].safeParse(payload);
    if (!body.success) {
      const issues = body.error.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code }));
      throw ApplicationFailure.create({ type: 'InvalidPayload', message: 'invalid intervention', details: [issues] });
    }
    checkApplicable(action, payload, assignee);
  }

  async function apply(action: Intervention, payload: Record<string, unknown>, actor: Actor, assigneeId?: string): Promise<void> {
    const reason = typeof payload.reason === 'string' ? payload.reason : undefined;
    const now = new Date().toISOString();
    switch (action) {
      case 'note':
        await projection().recordCaseEvent({ eventId: uuid4(), at: now, caseId, actor, action: 'case.note', details: { text: payload.text } });
        return; // nothing for the main loop to do
      case 'pause':
        s.paused = true;
        s.pausedAt = now;
        await forEachOpenReferral((h) => h.signal(referralPausedSignal, { paused: true, at: now }));
        await recordCase('case.paused', actor, { reason });
        break;
      case 'resume': {
        // Clocks restart with the time that was left: every deadline moves by the paused time.
        const pausedFor = Date.now() - Date.parse(s.pausedAt ?? now);
        s.paused = false;
        s.pausedAt = null;
        await board.retime(board.open().filter((t) => t.dueAt).map((task) => ({ task, dueAt: new Date(Date.parse(task.dueAt!) + pausedFor).toISOString() })));
        if (s.aftercareAt) s.aftercareAt = new Date(Date.parse(s.aftercareAt) + pausedFor).toISOString();
        await forEachOpenReferral((h) => h.signal(referralPausedSignal, { paused: false, at: now }));
        await recordCase('case.resumed', actor, { reason, pausedMs: pausedFor });
        break;
      }
      case 'extend-deadline': {
        const task = board.get(String(payload.taskId))!;
        const dueAt = addIsoDuration(new Date(task.dueAt!), String(payload.extendBy)).toISOString();
        await board.retime([{ task, dueAt }]);
        await recordCase('case.deadline_extended', actor, { reason, taskId: task.taskId, dueAt });
        break;
      }
      case 'reassign': {
        const from = s.assigneeId;
        s.assigneeId = assigneeId!;
        upsertSearchAttributes([{ key: SA.assignedTksk, value: s.assigneeId }]);
        await board.reassign(s.assigneeId);
        await forEachOpenReferral((h) => h.signal(referralAssigneeSignal, { assigneeId: s.assigneeId }));
        await recordCase('case.reassigned', actor, { reason, from, to: s.assigneeId });
        break;
      }
      case 'cancel':
        enter('cancelled', 'cancelled');
        await board.cancel(board.open(), reason ?? 'case cancelled', actor);
        await cancelReferrals();
        await recordCase('case.cancelled', actor, { reason });
        break;
      case 'reopen':
        s.closedReason = null;
        s.reopenUntil = null;
        enter(s.planApproved ? 'pendampingan' : 'asesmen', s.planApproved ? 'pendampingan_visit' : 'asesmen');
        s.returnNotes = reason ?? null;
        await recordCase('case.reopened', actor, { reason });
        break;
    }
    await board.wakeAndSettle();
  }

  setHandler(
    interveneUpdate,
    async (input) => {
      const { action, actor, payload, assignee } = interveneInputSchema.parse(input);
      if (DESTRUCTIVE_INTERVENTIONS.includes(action) && (await projection().getCasePolicies(regions.kecamatan)).confirm_destructive) {
        checkApplicable(action, payload, assignee); // state may have changed while the policy was read
        const pending: PendingIntervention = {
          interventionId: uuid4(),
          action,
          payload,
          requestedBy: { id: actor.id, username: actor.username, role: actor.role },
          requestedAt: new Date().toISOString(),
        };
        s.pending.push(pending);
        await projection().recordCaseEvent({ eventId: pending.interventionId, at: pending.requestedAt, caseId, actor, action: 'intervention.requested', details: { ...payload, interventionId: pending.interventionId, action } });
        return { interventionId: pending.interventionId, action, status: 'pending_confirmation' as const, case: snapshot() };
      }
      await apply(action, payload, actor, assignee?.id);
      return { interventionId: uuid4(), action, status: 'done' as const, case: snapshot() };
    },
    { validator: validateIntervention },
  );

  setHandler(
    confirmInterventionUpdate,
    async (input): Promise<InterventionResult & { case: CaseSnapshot }> => {
      const { interventionId, actor, approve } = confirmInputSchema.parse(input);
      const pending = s.pending.find((p) => p.interventionId === interventionId)!;
      s.pending = s.pending.filter((p) => p !== pending);
      const action = pending.action as Intervention;
      if (!approve) {
        await projection().recordCaseEvent({ eventId: uuid4(), at: new Date().toISOString(), caseId, actor, action: 'intervention.declined', details: { interventionId, action } });
        return { interventionId, action, status: 'declined', case: snapshot() };
      }
      await projection().recordCaseEvent({ eventId: uuid4(), at: new Date().toISOString(), caseId, actor, action: 'intervention.confirmed', details: { interventionId, action, requestedBy: pending.requestedBy.id } });
      await apply(action, pending.payload, actor);
      return { interventionId, action, status: 'done', case: snapshot() };
    },
    {
      validator: (raw) => {
        const parsed = confirmInputSchema.safeParse(raw);
        if (!parsed.success) throw ApplicationFailure.create({ type: 'InvalidPayload', message: 'malformed confirmation', details: [[]] });
        const { interventionId, actor } = parsed.data;
        const pending = s.pending.find((p) => p.interventionId === interventionId);
        if (!pending) throw conflict(`no intervention ${interventionId} is waiting for confirmation`);
        const decision = canIntervene(actor, pending.action, { kecamatanCode: regions.kecamatan, assigneeId: s.assigneeId });
        if (!decision.ok) throw ApplicationFailure.create({ type: 'Forbidden', message: decision.reason });
        if (actor.id === pending.requestedBy.id) throw ApplicationFailure.create({ type: 'Forbidden', message: 'four-eyes: a second supervisor must confirm' });
        if (parsed.data.approve) checkApplicable(pending.action as Intervention, pending.payload, undefined, interventionId);
      },
    },
  );

  // ---- The main loop --------------------------------------------------------------------------

  // After every handler is set: Updates that arrive in the first activation find them.
  if (registration) await projection().recordCaseRegistered(registration);

  for (;;) {
    switch (s.phase) {
      case 'asesmen': {
        s.step = 'asesmen';
        const r = await board.run<AsesmenData>({
          type: 'asesmen',
          caseId,
          regionCode: regions.kecamatan,
          assigneeId: s.assigneeId,
          context: { returnNotes: s.returnNotes, previous: s.plan },
          caseUpdate: caseUpdate(),
        });
        if (!r) break;
        s.plan = r.data;
        s.lastAsesmenBy = r.actor.id;
        enter('assessment_review', 'assessment_approval');
        break;
      }

      case 'assessment_review': {
        const r = await board.run<{ reason?: string; note?: string }>({
          type: 'assessment_approval',
          caseId,
          regionCode: regions.kecamatan,
          submittedBy: s.lastAsesmenBy,
          context: { asesmen: s.plan },
          caseUpdate: caseUpdate(),
        });
        if (!r) break;
        if (r.outcome === 'approve') {
          s.planApproved = true;
          s.returnNotes = null;
          enter('pendampingan', 'pendampingan_visit');
        } else if (r.outcome === 'return') {
          s.returnNotes = r.data.reason ?? null;
          enter('asesmen', 'asesmen');
        } else {
          await close('rejected', r.actor, { reason: r.data.reason });
        }
        break;
      }

      case 'pendampingan': {
        const r = await board.run<{ referral?: z.infer<typeof referralSchema>; closureReason?: string; closureNote?: string }>({
          type: 'pendampingan_visit',
          caseId,
          regionCode: regions.kecamatan,
          assigneeId: s.assigneeId,
          // Visits follow the intervention plan's cadence, not the SLA table.
          duePeriod: `P${s.plan?.visitCadenceDays ?? 14}D`,
          context: { visitNo: s.visitNo + 1, planGoals: s.plan?.planGoals ?? [], returnNotes: s.returnNotes, openReferrals: openReferrals() },
          caseUpdate: caseUpdate(),
        });
        if (!r) break;
        s.visitNo++;
        s.returnNotes = null;
        if (r.outcome === 'refer' && r.data.referral) await startReferral(r.data.referral, r.actor);
        if (r.outcome === 'propose_closure') {
          s.closureProposal = { reason: r.data.closureReason ?? 'other', note: r.data.closureNote, proposedBy: r.actor.id };
          enter('closure_review', 'closure_approval');
        }
        break;
      }

      case 'closure_review': {
        const r = await board.run<{ reason?: string }>({
          type: 'closure_approval',
          caseId,
          regionCode: regions.kecamatan,
          submittedBy: s.closureProposal?.proposedBy ?? null,
          context: { closureProposal: s.closureProposal, openReferrals: openReferrals() },
          caseUpdate: caseUpdate(),
        });
        if (!r) break;
        if (r.outcome === 'approve') {
          const policies = await projection().getCasePolicies(regions.kecamatan);
          s.aftercareAt = addIsoDuration(new Date(), policies.aftercare_delay).toISOString();
          enter('aftercare', 'aftercare_wait');
          await recordCase('case.closure_approved', r.actor, { closureReason: s.closureProposal?.reason, aftercareAt: s.aftercareAt });
        } else {
          s.returnNotes = r.data.reason ?? null;
          enter('pendampingan', 'pendampingan_visit');
        }
        break;
      }

      case 'aftercare': {
        if (s.step === 'aftercare_wait') {
          // Bimbingan lanjut comes after the policy's aftercare period; a pause stops this clock too.
          const wait = Date.parse(s.aftercareAt!) - Date.now();
          if (s.paused || wait > 0) {
            await board.waitFor(() => false, s.paused ? undefined : wait);
            break;
          }
          s.step = 'bimbingan_lanjut';
        }
        const r = await board.run({ type: 'bimbingan_lanjut', caseId, regionCode: regions.kecamatan, assigneeId: s.assigneeId, context: { closureProposal: s.closureProposal }, caseUpdate: caseUpdate() });
        if (!r) break;
        await close(s.closureProposal?.reason ?? 'goals_met', r.actor, { closureNote: s.closureProposal?.note });
        break;
      }

      case 'closed': {
        // Reopenable until the window ends; then the workflow completes.
        const left = s.reopenUntil ? Date.parse(s.reopenUntil) - Date.now() : 0;
        if (left > 0) {
          await board.waitFor(() => s.phase !== 'closed', left);
          break;
        }
        ended = true;
        board.drain();
        await condition(allHandlersFinished);
        return snapshot();
      }

      case 'cancelled':
        ended = true;
        board.drain();
        await condition(allHandlersFinished);
        return snapshot();
    }
  }
}
