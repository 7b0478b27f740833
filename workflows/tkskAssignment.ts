// tkskAssignmentWorkflow: the assignment of one TKSK, id `assignment-<userId>` (docs/tksk-assignment.md).
// An SK period waits for its start date (the account is enabled, tali asih runs from then), then
// for the evaluation date (31 December of the fiscal year, or the period's end if earlier), when
// the kabupaten supervisor and the Koordinator TKSK appraise the year (four-eyes: two different
// people, neither the TKSK). renew / renew_with_coaching wait for the next SK (an Update on the
// same workflow: one workflow per TKSK, one row of tksk_assignments per period); not_renew, or an
// end action (resignation, ASN/PPPK, death), ends it on the end date: open cases go to the
// successor through bulkReassignWorkflow (or, without one, the open tasks wait unassigned) and
// the account is disabled.
import { executeChild, patched, proxyActivities, setHandler, uuid4 } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { BulkReassignInput } from '../domain/bulk';
import type { Actor } from '../domain/roles';
import {
  assignmentActionSchema,
  assignmentInputSchema,
  evaluationDateOf,
  nextEvaluationYear,
  stricterOutcome,
  type AssignmentInput,
  type AssignmentPeriod,
  type AssignmentSnapshot,
  type AssignmentStatus,
  type EndReason,
  type EvaluationOutcome,
} from '../domain/tkskAssignment';
import { bulkReassignWorkflow } from './bulkReassign';
import { tkskAssignmentActionUpdate, tkskAssignmentRecordedUpdate, tkskAssignmentSnapshotQuery } from './definitions';
import { conflict, forbidden, invalidPayload, parseInput } from './failures';
import { projection } from './projection';
import { requireSealedStart, sealedActor, sealStart } from './seal';
import { TaskBoard, type TaskResult } from './taskBoard';
import { can } from '../domain/access';

const acts = proxyActivities<Activities>({ startToCloseTimeout: '1 minute' });

/** Midnight (WIB, UTC+7) at the start of a date: the day a date-bound step happens. */
const startOfDay = (date: string): number => Date.parse(`${date}T00:00:00+07:00`);
/**
 * A renewal whose SK period runs past the evaluation (a multi-year SK) continues the same period
 * into the next year's evaluation; before this patch the workflow waited for a new SK.
 */
const RENEWAL_CONTINUES_PATCH = 'tksk-renewal-continues-period';
const msUntil = (date: string): number => Math.max(0, startOfDay(date) - Date.now());

interface Ending {
  reason: EndReason;
  endDate: string;
  successorId: string | null;
  actor: Actor;
}

interface Appraisal {
  outcome: EvaluationOutcome;
  actorId: string;
  scores: { criterionId: string; score: number }[];
  notes?: string;
  coachingPlan?: string;
}

class AssignmentRun {
  status: AssignmentStatus = 'scheduled';
  period: AssignmentPeriod;
  outcome: EvaluationOutcome | null = null;
  ending: Ending | null = null;
  nextPeriod: AssignmentPeriod | null = null;
  /** First day of the year being evaluated: the period's start, then 1 January of each later year of the same SK. */
  yearFrom: string;
  recorded = false;
  readonly board: TaskBoard;

  constructor(readonly input: AssignmentInput) {
    this.period = input.period;
    this.yearFrom = input.period.startDate;
    this.board = new TaskBoard({
      snapshot: () => ({ assignment: this.snapshot() }),
      paused: () => false,
      maxBreaches: 1,
      onBreach: async (task, level) => {
        await projection().markOverdue({ taskId: task.taskId, caseId: null, level, action: 'task.overdue', at: new Date().toISOString() });
      },
    });
  }

  snapshot(): AssignmentSnapshot {
    return {
      userId: this.input.userId,
      assignmentId: this.period.assignmentId,
      status: this.status,
      period: this.period,
      outcome: this.outcome,
      ending: this.ending && { reason: this.ending.reason, endDate: this.ending.endDate, successorId: this.ending.successorId },
    };
  }

  async move(
    status: AssignmentStatus,
    action: string,
    actor: Actor | null,
    details: Record<string, unknown> = {},
    set: Record<string, unknown> = {},
  ): Promise<void> {
    this.status = status;
    await acts.updateAssignment({
      assignmentId: this.period.assignmentId,
      status,
      eventId: uuid4(),
      at: new Date().toISOString(),
      actor,
      action,
      details,
      set,
    });
  }

  /** The two appraisals, one after the other; the outcome both agree on, or the stricter one. */
  async evaluate(): Promise<{
    outcome: EvaluationOutcome;
    appraisals: Appraisal[];
    successorId: string | null;
    supervisor: Actor;
    instrument: Awaited<ReturnType<Activities['evaluationInstrument']>>;
    year: { from: string; to: string };
  }> {
    const p = this.period;
    const year = { from: this.yearFrom, to: evaluationDateOf(this.yearFrom, p.endDate) };
    const instrument = await acts.evaluationInstrument({
      userId: this.input.userId,
      kecamatanCode: p.kecamatanCode,
      from: year.from,
      to: year.to,
    });
    const koordinator = await acts.koordinatorOf({ kabupatenCode: p.kabupatenCode });
    const context = {
      assignmentId: p.assignmentId,
      userId: this.input.userId,
      kecamatanCode: p.kecamatanCode,
      skNumber: p.skNumber,
      period: { startDate: p.startDate, endDate: p.endDate },
      year,
      ...instrument,
    };
    const first = await this.board.run({
      type: 'tksk_evaluation',
      caseId: null,
      regionCode: p.kabupatenCode,
      submittedBy: this.input.userId,
      context: { ...context, appraiser: 'supervisor' },
    });
    // The Koordinator TKSK appraises second; with none (or when the koordinator is the TKSK being
    // evaluated) a second kabupaten supervisor does, and four-eyes keeps the first one out.
    const second =
      koordinator && koordinator.userId !== this.input.userId
        ? await this.board.run({
            type: 'tksk_evaluation_koordinator',
            caseId: null,
            regionCode: koordinator.regionCode,
            assigneeId: koordinator.userId,
            submittedBy: this.input.userId,
            context: { ...context, appraiser: 'koordinator' },
          })
        : await this.board.run({
            type: 'tksk_evaluation',
            caseId: null,
            regionCode: p.kabupatenCode,
            submittedBy: first?.actor.id ?? null,
            context: { ...context, appraiser: 'second_supervisor' },
          });
    const appraisals = [first, second].filter((r): r is TaskResult => !!r).map(appraisalOf);
    const outcome = appraisals.map((a) => a.outcome).reduce(stricterOutcome, 'renew');
    const successorId = typeof first?.data.successorId === 'string' ? first.data.successorId : null;
    return { outcome, appraisals, successorId, supervisor: first!.actor, instrument, year };
  }

  /** The end date has come: cases to the successor, then the account, tali asih and the leftover tasks. */
  async end(e: Ending): Promise<void> {
    const p = this.period;
    const successor = e.successorId ? await acts.successorFor({ userId: e.successorId, kecamatanCode: p.kecamatanCode }) : null;
    if (successor) {
      const operationId = `bulk-reassign-${p.assignmentId}`;
      const input: BulkReassignInput = {
        operationId,
        fromUserId: this.input.userId,
        assignee: successor,
        reason: `Penugasan TKSK berakhir (${e.reason}); kasus diserahkan kepada pengganti.`,
        requestedBy: e.actor,
        requireConfirmation: false,
      };
      const status = await executeChild(bulkReassignWorkflow, {
        workflowId: operationId,
        args: [sealStart(operationId, 'bulkReassignWorkflow', input, e.actor)],
      });
      await this.move('ending', 'tksk_assignment.cases_handed_over', e.actor, {
        successorId: successor.id,
        total: status.total,
        reassigned: status.reassigned,
        skipped: status.skipped.length,
      });
    }
    const r = await acts.endAssignment({
      userId: this.input.userId,
      assignmentId: p.assignmentId,
      endDate: e.endDate,
      successorId: successor?.id ?? null,
      at: new Date().toISOString(),
      actor: e.actor,
      reason: e.reason,
    });
    this.status = 'ended';
    void r;
  }
}

function appraisalOf(r: TaskResult): Appraisal {
  const d = r.data as { scores: { criterionId: string; score: number }[]; notes?: string; coachingPlan?: string };
  return { outcome: r.outcome as EvaluationOutcome, actorId: r.actor.id, scores: d.scores, notes: d.notes, coachingPlan: d.coachingPlan };
}

export async function tkskAssignmentWorkflow(raw: AssignmentInput): Promise<AssignmentSnapshot> {
  const input = parseInput(assignmentInputSchema, raw, 'tksk assignment');
  requireSealedStart(raw, input.requestedBy);
  const run = new AssignmentRun(input);
  setHandler(tkskAssignmentSnapshotQuery, () => run.snapshot());
  setHandler(tkskAssignmentRecordedUpdate, async () => {
    await run.board.waitFor(() => run.recorded);
    return run.snapshot();
  });
  setHandler(
    tkskAssignmentActionUpdate,
    async (a) => {
      if (a.action === 'new_sk') run.nextPeriod = a.period;
      else run.ending = { reason: a.reason, endDate: a.endDate, successorId: a.successorId, actor: a.actor };
      await run.board.wakeAndSettle();
      return run.snapshot();
    },
    {
      validator: (rawAction) => {
        const actor = sealedActor(tkskAssignmentActionUpdate.name, rawAction);
        const parsed = assignmentActionSchema.safeParse(rawAction);
        if (!parsed.success) throw invalidPayload('malformed assignment action');
        const decision = can(actor, 'tksk_assignment.manage', run.period.kecamatanCode);
        if (!decision.ok) throw forbidden(decision.reason);
        if (actor.id === input.userId) throw forbidden('a TKSK cannot decide their own assignment');
        if (run.status === 'ended') throw conflict('the assignment has ended');
        if (run.status === 'evaluation') throw conflict('the evaluation is open: its appraisers decide the outcome');
        if (parsed.data.action === 'new_sk' && run.status !== 'renewed') throw conflict(`a new SK follows a renewal (the assignment is ${run.status})`);
      },
    },
  );

  for (;;) {
    const p = run.period;
    await acts.recordAssignment({ userId: input.userId, period: p, actor: input.requestedBy, at: new Date().toISOString() });
    run.recorded = true;
    run.status = 'scheduled';
    run.yearFrom = p.startDate;
    await run.board.waitFor(() => run.ending !== null, msUntil(p.startDate));
    if (!run.ending) {
      await acts.activateAssignment({ userId: input.userId, assignmentId: p.assignmentId, at: new Date().toISOString() });
      run.status = 'active';
    }
    // Each year of the SK's period: the evaluation on its date, then renewal or the end.
    let nextSk = false;
    while (!run.ending) {
      const evaluationDate = evaluationDateOf(run.yearFrom, p.endDate);
      await run.board.waitFor(() => run.ending !== null, msUntil(evaluationDate));
      if (run.ending) break;
      await run.move('evaluation', 'tksk_assignment.evaluation_opened', null, { from: run.yearFrom, to: evaluationDate });
      const result = await run.evaluate();
      run.outcome = result.outcome;
      const agreed = new Set(result.appraisals.map((a) => a.outcome)).size === 1;
      // The instrument and the figures go with the appraisals: the timeline shows them by name, beside the scores.
      const evaluation = {
        outcome: result.outcome,
        agreed,
        appraisals: result.appraisals,
        criteria: result.instrument.criteria,
        figures: result.instrument.figures,
        year: result.year,
      };
      if (result.outcome === 'not_renew') {
        await run.move(
          'ending',
          'tksk_assignment.not_renewed',
          result.supervisor,
          { agreed, successorId: result.successorId, evaluation },
          { outcome: result.outcome, evaluation },
        );
        run.ending = { reason: 'not_renewed', endDate: p.endDate, successorId: result.successorId, actor: result.supervisor };
        break;
      }
      await run.move('renewed', `tksk_assignment.${result.outcome}`, result.supervisor, { agreed, evaluation }, { outcome: result.outcome, evaluation });
      const next = nextEvaluationYear(evaluationDate, p.endDate);
      if (next && patched(RENEWAL_CONTINUES_PATCH)) {
        // The SK still runs: no new SK is needed, the next year is evaluated on its own date.
        run.yearFrom = next;
        await run.move('active', 'tksk_assignment.continued', null, { from: next, evaluationDate: evaluationDateOf(next, p.endDate) });
        continue;
      }
      // The period is over: the next SK (POST /api/tksk-assignments again) or an end action.
      await run.board.waitFor(() => run.nextPeriod !== null || run.ending !== null);
      nextSk = !!run.nextPeriod && !run.ending;
      break;
    }
    if (nextSk) {
      run.period = run.nextPeriod!;
      run.nextPeriod = null;
      run.outcome = null;
      run.recorded = false;
      continue;
    }
    // An end: wait for its date (a later end action may still change it or name the successor).
    if ((run.status as AssignmentStatus) !== 'ending')
      await run.move('ending', 'tksk_assignment.ending', run.ending!.actor, {
        reason: run.ending!.reason,
        endDate: run.ending!.endDate,
        successorId: run.ending!.successorId,
      });
    for (;;) {
      const e = run.ending!;
      await run.board.waitFor(() => run.ending !== e, msUntil(e.endDate));
      if (run.ending === e && Date.now() >= startOfDay(e.endDate)) break;
    }
    await run.end(run.ending!);
    break;
  }
  await run.board.finish();
  return run.snapshot();
}
