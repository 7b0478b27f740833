// sembakoPeriodWorkflow: one distribution period of a kecamatan, id `sembako-<kecamatan>-<period>`
// (docs/sembako.md). The TKSK records the Tikor kecamatan meeting before distribution, then one
// monitoring task per distribution point (all open at once, each with the period's checklist,
// read as data for the region and period), then the period report, which the kabupaten supervisor
// verifies (approve, or return with a reason to the report). Beside the Tikor meeting the TKSK
// checks the period's KPM list against the register (patch `sembako-kpm-check`); its counts go
// into the report. Opened by hand (POST /api/sembako/periods) or by the kabupaten's distribution
// calendar (workflows/sembakoCalendar.ts, as the system).
import { condition, patched, setHandler, uuid4 } from '@temporalio/workflow';
import type { Actor } from '../domain/roles';
import {
  sembakoPeriodInputSchema,
  sembakoPeriodTotals,
  type CardProblem,
  type ChecklistItem,
  type KpmCheckSummary,
  type KpmRegisterCounts,
  type PointMonitoringSummary,
  type SembakoPeriodInput,
  type SembakoPeriodSnapshot,
  type SembakoPeriodStatus,
  type SembakoPeriodTotals,
} from '../domain/sembako';
import { sembakoPeriodOpenedUpdate, sembakoPeriodSnapshotQuery } from './definitions';
import { parseInput } from './failures';
import { projection } from './projection';
import { requireSealedStart } from './seal';
import { TaskBoard, type BoardTask, type TaskResult } from './taskBoard';

/** The period's state as plain data, and the one place that moves it (projection and audit together). */
class SembakoPeriodRun {
  status: SembakoPeriodStatus = 'tikor';
  /** pointId → its monitoring task, once created; done when its result is in. */
  readonly monitoring = new Map<string, BoardTask>();
  /** The KPM list check (side task beside the Tikor meeting), in periods opened since patch sembako-kpm-check. */
  kpmCheck: BoardTask | undefined;
  /** Tasks written before POST /api/sembako/periods answers (the opening Update waits for them). */
  openingTasks = 1;
  readonly board: TaskBoard;

  constructor(readonly input: SembakoPeriodInput) {
    this.board = new TaskBoard({
      snapshot: () => ({ period: this.snapshot() }),
      paused: () => false,
      maxBreaches: 1,
      onBreach: async (task, level) => {
        await projection().markOverdue({ taskId: task.taskId, caseId: null, level, action: 'task.overdue', at: new Date().toISOString() });
      },
    });
  }

  snapshot(): SembakoPeriodSnapshot {
    return {
      periodId: this.input.periodId,
      period: this.input.period,
      kecamatanCode: this.input.regions.kecamatan,
      status: this.status,
      monitored: [...this.monitoring].filter(([, t]) => t.state === 'done').map(([pointId]) => pointId),
      openTasks: this.board.summaries(),
    };
  }

  async move(
    status: SembakoPeriodStatus,
    action: string,
    actor: Actor | null,
    details: Record<string, unknown> = {},
    extra: { totals?: SembakoPeriodTotals; report?: Record<string, unknown>; kpmCheck?: KpmCheckSummary } = {},
  ): Promise<void> {
    this.status = status;
    await projection().updateSembakoPeriod({
      periodId: this.input.periodId,
      status,
      eventId: uuid4(),
      at: new Date().toISOString(),
      actor,
      action,
      details,
      ...extra,
    });
  }

  /** The side tasks whose deadlines the workflow keeps: every point's monitoring and the KPM list check (key ''). */
  sideTasks(): [string, BoardTask][] {
    return [...this.monitoring, ...(this.kpmCheck ? ([['', this.kpmCheck]] as [string, BoardTask][]) : [])];
  }

  /** The open side task whose next deadline level comes first: level n at dueAt + (n-1) × its own period, two levels. */
  nextMonitoringBreach(): { pointId: string; task: BoardTask; at: number } | undefined {
    let next: { pointId: string; task: BoardTask; at: number } | undefined;
    for (const [pointId, task] of this.sideTasks()) {
      if (task.state !== 'open' || !task.dueAt || task.breaches >= 2) continue;
      const due = Date.parse(task.dueAt);
      const at = due + task.breaches * Math.max(due - Date.parse(task.createdAt), 1_000);
      if (!next || at < next.at) next = { pointId, task, at };
    }
    return next;
  }

  /** A point not monitored (or the list not checked) by its deadline: a reminder first, one period later the kabupaten supervisor is asked to step in. */
  async monitoringBreached(pointId: string, task: BoardTask): Promise<void> {
    task.breaches++;
    const level = task.breaches;
    const step = task.spec.type === 'sembako_kpm_check' ? 'kpm_check' : 'monitoring';
    await projection().markOverdue({
      taskId: task.taskId,
      caseId: null,
      level,
      action: level === 1 ? `sembako_period.${step}_reminder` : `sembako_period.${step}_escalated`,
      at: new Date().toISOString(),
    });
    if (level === 2) {
      await this.board.spawn({
        type: 'sla_escalation',
        caseId: null,
        regionCode: this.input.regions.kabupaten,
        context: {
          periodId: this.input.periodId,
          period: this.input.period,
          kecamatanCode: this.input.regions.kecamatan,
          ...(pointId ? { pointId } : {}),
          overdueTaskId: task.taskId,
          overdueTaskType: task.spec.type,
          dueAt: task.dueAt,
        },
      });
    }
  }

  task(type: 'sembako_tikor_meeting' | 'sembako_kpm_check' | 'sembako_monitoring' | 'sembako_period_report', context: Record<string, unknown>) {
    return { type, caseId: null, regionCode: this.input.regions.kecamatan, context: { periodId: this.input.periodId, period: this.input.period, ...context } };
  }
}

export async function sembakoPeriodWorkflow(raw: SembakoPeriodInput): Promise<SembakoPeriodSnapshot> {
  const input = parseInput(sembakoPeriodInputSchema, raw, 'sembako period');
  requireSealedStart(raw, input.openedBy);
  const run = new SembakoPeriodRun(input);
  setHandler(sembakoPeriodSnapshotQuery, () => run.snapshot());
  setHandler(sembakoPeriodOpenedUpdate, async () => {
    await condition(() => run.board.tasksCreated >= run.openingTasks);
    return run.snapshot();
  });

  const { checklist } = await projection().openSembakoPeriod({
    periodId: input.periodId,
    period: input.period,
    regions: input.regions,
    points: input.distributionPoints,
    openedBy: input.openedBy,
    at: input.openedAt,
    calendarEntryId: input.calendarEntryId,
  });

  const tikorRun = run.board.run(run.task('sembako_tikor_meeting', { points: input.distributionPoints }));
  let register: KpmRegisterCounts | null = null;
  // The KPM list check opens beside the Tikor meeting (both come before distribution), after it
  // in the inbox; histories recorded before had no such step.
  if (patched('sembako-kpm-check')) {
    run.openingTasks = 2;
    await condition(() => run.board.tasksCreated >= 1);
    register = await projection().sembakoKpmRegisterCounts({ kecamatanCode: input.regions.kecamatan });
    run.kpmCheck = await run.board.spawn(run.task('sembako_kpm_check', { register }));
  }
  const tikor = await tikorRun;
  await run.move('monitoring', 'sembako_period.tikor_held', tikor?.actor ?? null, { meetingOn: tikor?.data.meetingOn });

  // Every point's monitoring task at once, beside the main flow (the board runs one main task at a
  // time): the TKSK visits them in the order the distribution runs. The board has no breach timer
  // for side tasks: the loop below keeps theirs.
  for (const point of input.distributionPoints) {
    run.monitoring.set(point.pointId, await run.board.spawn(run.task('sembako_monitoring', { point, checklist })));
  }
  const allDone = () => run.sideTasks().every(([, t]) => t.state === 'done');
  // Late monitoring is reminded, then escalated, like a main task (histories recorded before ran
  // side tasks without a breach timer).
  if (patched('sembako-monitoring-escalation')) {
    while (!allDone()) {
      const next = run.nextMonitoringBreach();
      if (!next) {
        await run.board.waitFor(allDone);
        continue;
      }
      const wait = next.at - Date.now();
      if (wait > 0) await run.board.waitFor(allDone, wait);
      else await run.monitoringBreached(next.pointId, next.task);
    }
  } else {
    while (!allDone()) await run.board.waitFor(allDone);
  }
  const results = [...run.monitoring].map(([pointId, t]) => summarise(pointId, t, checklist));
  const kpmCheck = run.kpmCheck ? summariseKpmCheck(run.kpmCheck, register) : undefined;
  if (kpmCheck)
    await run.move(
      run.status,
      'sembako_period.kpm_checked',
      run.kpmCheck?.result?.actor ?? null,
      { kpmListed: kpmCheck.kpmListed, kpmFound: kpmCheck.kpmFound, kpmNotFound: kpmCheck.kpmNotFound, problems: kpmCheck.problems },
      { kpmCheck },
    );
  const checked = kpmCheck ? { kpmCheck } : {};
  // Realisation and card problems of the whole period (counts only: they go into the audit chain).
  const totals = sembakoPeriodTotals(results);
  await run.move(
    'report',
    'sembako_period.monitored',
    null,
    {
      points: totals.points,
      failedItems: totals.failedItems,
      revocationsRecommended: totals.revocationsRecommended,
      kpmListed: totals.kpmListed,
      kpmServed: totals.kpmServed,
      realisation: totals.realisation,
      cardProblems: totals.cardProblems,
    },
    { totals },
  );

  let returnNote: string | null = null;
  for (;;) {
    const report: TaskResult | undefined = await run.board.run(run.task('sembako_period_report', { monitoring: results, totals, ...checked, returnNote }));
    await run.move('verification', 'sembako_period.reported', report?.actor ?? null, {}, { report: report?.data });
    const verdict: TaskResult | undefined = await run.board.run({
      type: 'sembako_period_verification',
      caseId: null,
      regionCode: input.regions.kabupaten,
      submittedBy: report?.actor.id ?? null,
      context: {
        periodId: input.periodId,
        period: input.period,
        kecamatanCode: input.regions.kecamatan,
        monitoring: results,
        totals,
        ...checked,
        report: report?.data,
      },
    });
    if (verdict?.outcome === 'return') {
      returnNote = String(verdict.data.reason);
      await run.move('report', 'sembako_period.returned', verdict.actor, { reason: verdict.data.reason });
      continue;
    }
    await run.move('verified', 'sembako_period.verified', verdict?.actor ?? null);
    break;
  }
  // An escalation still open has nothing left to escalate.
  if (run.board.open().length) await run.board.cancel(run.board.open(), 'sembako period verified', null);
  await run.board.finish();
  return run.snapshot();
}

/**
 * A point's monitoring as the report and the kabupaten see it: the items that failed, items the
 * checklist has but the answer lacks, realisation and card problems (0 and none in answers recorded
 * before the form asked for them).
 */
function summarise(pointId: string, task: BoardTask, checklist: ChecklistItem[]): PointMonitoringSummary {
  const data = (task.result?.data ?? {}) as {
    results?: { itemId: string; ok: boolean }[];
    recommendRevocation?: boolean;
    visitedOn?: string;
    kpmListed?: number;
    kpmServed?: number;
    cardProblems?: CardProblem[];
  };
  const answered = new Map((data.results ?? []).map((r) => [r.itemId, r.ok]));
  return {
    pointId,
    visitedOn: data.visitedOn ?? null,
    failed: checklist.filter((i) => answered.get(i.itemId) === false).map((i) => i.itemId),
    unanswered: checklist.filter((i) => !answered.has(i.itemId)).map((i) => i.itemId),
    recommendRevocation: data.recommendRevocation === true,
    kpmListed: data.kpmListed ?? 0,
    kpmServed: data.kpmServed ?? 0,
    cardProblems: (data.cardProblems ?? []).map((c) => ({ bank: c.bank, kind: c.kind, count: c.count })),
  };
}

/** The KPM list check as the report and the kabupaten see it (counts only), beside the register's count when it was written. */
function summariseKpmCheck(task: BoardTask, register: KpmRegisterCounts | null): KpmCheckSummary {
  const data = (task.result?.data ?? {}) as Partial<Omit<KpmCheckSummary, 'registerActive'>>;
  return {
    checkedOn: data.checkedOn ?? '',
    kpmListed: data.kpmListed ?? 0,
    kpmFound: data.kpmFound ?? 0,
    kpmNotFound: data.kpmNotFound ?? 0,
    problems: { meninggal: 0, pindah: 0, ganda: 0, tidakLayak: 0, ...data.problems },
    registerActive: register?.active ?? null,
  };
}
