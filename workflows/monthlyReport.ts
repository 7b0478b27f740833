// monthlyReportWorkflow: a TKSK's monthly report (laporan bulanan), id
// `laporan-<userId>-<YYYY-MM>` (docs/koordinasi.md §2). Opened by hand (POST /api/monthly-reports)
// or by the monthly Schedule (openMonthlyReportsWorkflow). The month is compiled from the
// projections; the TKSK writes the narrative and obstacles (laporan_bulanan_narasi), which
// compiles the month again so the figures are those of the day it was submitted; the kabupaten
// reviews it (laporan_bulanan_review; four-eyes: never the TKSK) and approves it or returns it to
// the TKSK with a reason. A silent step is reminded, then the kabupaten is asked to step in.
import { condition, proxyActivities, setHandler, upsertSearchAttributes, uuid4 } from '@temporalio/workflow';
import { monthlyReportInputSchema, type MonthlyReportInput, type MonthlyReportSnapshot, type MonthlyReportStatus } from '../domain/koordinasi';
import { periodSchema } from '../domain/taliAsih';
import type { Actor } from '../domain/roles';
import type { Activities } from '../activities';
import { monthlyReportOpenedUpdate, monthlyReportSnapshotQuery, SA } from './definitions';
import { invalidInput, parseInput } from './failures';
import { projection } from './projection';
import { requireSealedStart } from './seal';
import { escalatingBoard, type TaskBoard, type TaskResult } from './taskBoard';

const acts = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes' });

class ReportRun {
  status: MonthlyReportStatus = 'narrative';
  returns = 0;
  kabupaten = '';
  readonly board: TaskBoard;

  constructor(readonly input: MonthlyReportInput) {
    this.board = escalatingBoard({
      snapshot: () => ({ report: this.snapshot() }),
      auditPrefix: 'monthly_report',
      regionCode: () => this.kabupaten,
      context: () => ({ reportId: this.input.reportId, tkskId: this.input.tkskId, period: this.input.period }),
    });
  }

  snapshot(): MonthlyReportSnapshot {
    const { reportId, tkskId, period } = this.input;
    return { reportId, tkskId, period, status: this.status, returns: this.returns, openTasks: this.board.summaries() };
  }

  async move(
    status: MonthlyReportStatus,
    action: string,
    actor: Actor | null,
    extra: Omit<Parameters<ReturnType<typeof projection>['updateMonthlyReport']>[0], 'reportId' | 'status' | 'eventId' | 'at' | 'actor' | 'action'>,
  ) {
    this.status = status;
    await projection().updateMonthlyReport({ reportId: this.input.reportId, status, eventId: uuid4(), at: new Date().toISOString(), actor, action, ...extra });
    upsertSearchAttributes([{ key: SA.overdue, value: false }]);
  }
}

export async function monthlyReportWorkflow(raw: MonthlyReportInput): Promise<MonthlyReportSnapshot> {
  const input = parseInput(monthlyReportInputSchema, raw, 'monthly report');
  requireSealedStart(raw, input.openedBy);
  const { reportId, tkskId, period } = input;
  const run = new ReportRun(input);
  setHandler(monthlyReportSnapshotQuery, () => run.snapshot());
  setHandler(monthlyReportOpenedUpdate, async () => {
    await condition(() => run.board.tasksCreated > 0);
    return run.snapshot();
  });

  const compiled = await projection().compileMonth({ tkskId, period });
  const opened = await projection().openMonthlyReport({ reportId, tkskId, period, openedBy: input.openedBy, at: new Date().toISOString(), compiled });
  run.kabupaten = opened.kabupatenCode;
  let counts = compiled.counts;
  let returnReason: string | null = null;

  for (;;) {
    const written: TaskResult<{ narrative: string; kendala?: string }> | undefined = await run.board.run<{ narrative: string; kendala?: string }>({
      type: 'laporan_bulanan_narasi',
      caseId: null,
      regionCode: opened.kecamatanCode,
      assigneeId: tkskId,
      context: { reportId, period, counts, returnReason },
    });
    if (!written) continue;
    // The figures as of the submission: what the month held when the TKSK signed it off.
    const recompiled = await projection().compileMonth({ tkskId, period });
    counts = recompiled.counts;
    await run.move('review', 'monthly_report.submitted', written.actor, {
      compiled: recompiled,
      narrative: written.data.narrative,
      kendala: written.data.kendala ?? null,
      details: { returns: run.returns },
    });
    const review: TaskResult<{ reason?: string; note?: string }> | undefined = await run.board.run<{ reason?: string; note?: string }>({
      type: 'laporan_bulanan_review',
      caseId: null,
      regionCode: opened.kabupatenCode,
      // Four-eyes: the TKSK never reviews their own report.
      submittedBy: tkskId,
      context: { reportId, period, tkskId, counts, narrative: written.data.narrative, kendala: written.data.kendala ?? null },
    });
    if (!review) continue;
    if (review.outcome === 'return') {
      run.returns++;
      returnReason = review.data.reason ?? null;
      await run.move('narrative', 'monthly_report.returned', review.actor, { returnReason, details: { reason: returnReason } });
      continue;
    }
    await run.move('approved', 'monthly_report.approved', review.actor, { reviewedBy: review.actor.id, returnReason: null, details: { returns: run.returns } });
    break;
  }
  await run.board.cancel(run.board.open(), `monthly report ${run.status}`, null);
  await run.board.finish();
  return run.snapshot();
}

/**
 * Run by the monthly Schedule (worker/schedules.ts): opens the reports of the month that has just
 * ended (WIB) for every active TKSK; an operator may backfill an earlier month, never a future one.
 */
export async function openMonthlyReportsWorkflow(period?: string): Promise<{ period: string; opened: number; existing: number }> {
  const now = new Date(Date.now() + 7 * 60 * 60 * 1000); // WIB
  const current = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  const [y, m] = current.split('-').map(Number);
  const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const p = period === undefined ? previous : parseInput(periodSchema, period, 'period');
  if (p > current) throw invalidInput(`refused: ${p} has not begun (the current period is ${current})`);
  const r = await acts.openMonthlyReportsForPeriod({ period: p });
  return { period: p, ...r };
}
