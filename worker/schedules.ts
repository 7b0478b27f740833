// Temporal Schedules kesos-flow relies on, created (idempotently) when a worker starts.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleSpec } from '@temporalio/client';
import type { Duration } from '@temporalio/common';

export const RETENTION_SCHEDULE_ID = 'kesos-retention';
export const TALI_ASIH_SCHEDULE_ID = 'kesos-tali-asih-monthly';
export const RECONCILE_SCHEDULE_ID = 'kesos-reconcile';
export const AUDIT_ANCHOR_SCHEDULE_ID = 'kesos-audit-anchor';
export const MONTHLY_REPORT_SCHEDULE_ID = 'kesos-laporan-bulanan-monthly';

/**
 * Each Schedule starts one workflow without arguments; a run still going when the next is due is
 * skipped. `why` is for the reader (and the Schedule's note when it is created paused).
 */
const SCHEDULES: { id: string; why: string; spec: ScheduleSpec; workflowType: string; catchupWindow: Duration }[] = [
  {
    id: TALI_ASIH_SCHEDULE_ID,
    why: 'a claim for every active TKSK at the start of each (monthly) period: 00:05 WIB on the 1st',
    spec: { calendars: [{ dayOfMonth: 1, hour: 0, minute: 5 }], timezone: 'Asia/Jakarta' },
    workflowType: 'openTaliAsihClaimsWorkflow',
    catchupWindow: '1 day',
  },
  {
    id: RETENTION_SCHEDULE_ID,
    why: 'anonymise what is past its retention period: 02:00 WIB every day',
    spec: { cronExpressions: ['0 19 * * *'] },
    workflowType: 'retentionWorkflow',
    catchupWindow: '1 day',
  },
  {
    id: RECONCILE_SCHEDULE_ID,
    why: 'mark and audit workflows closed or reset outside kesos-flow: every 5 minutes',
    spec: { intervals: [{ every: '5 minutes' }] },
    workflowType: 'reconcileEngineWorkflow',
    catchupWindow: '10 minutes',
  },
  {
    id: AUDIT_ANCHOR_SCHEDULE_ID,
    why: "anchor the audit chain's head outside PostgreSQL, in Temporal history (workflows/anchors.ts): every 10 minutes",
    spec: { intervals: [{ every: '10 minutes' }] },
    workflowType: 'anchorAuditChainWorkflow',
    catchupWindow: '10 minutes',
  },
  {
    id: MONTHLY_REPORT_SCHEDULE_ID,
    why: "every active TKSK's monthly report (laporan bulanan) of the month just ended: 00:10 WIB on the 1st",
    spec: { calendars: [{ dayOfMonth: 1, hour: 0, minute: 10 }], timezone: 'Asia/Jakarta' },
    workflowType: 'openMonthlyReportsWorkflow',
    catchupWindow: '1 day',
  },
];

export async function ensureSchedules(client: Client, taskQueue: string, opts: { paused?: boolean } = {}): Promise<void> {
  for (const s of SCHEDULES) {
    const state = opts.paused ? { paused: true, note: `created paused (SCHEDULES_PAUSED=1): ${s.why}` } : undefined;
    try {
      await client.schedule.create({
        scheduleId: s.id,
        spec: s.spec,
        action: { type: 'startWorkflow', workflowType: s.workflowType, taskQueue, args: [] },
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: s.catchupWindow },
        state,
      });
    } catch (err) {
      if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    }
  }
}
