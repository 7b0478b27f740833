// Temporal Schedules kesos-flow relies on, created (idempotently) when a worker starts.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';

export const RETENTION_SCHEDULE_ID = 'kesos-retention';
export const TALI_ASIH_SCHEDULE_ID = 'kesos-tali-asih-monthly';
export const RECONCILE_SCHEDULE_ID = 'kesos-reconcile';
export const AUDIT_ANCHOR_SCHEDULE_ID = 'kesos-audit-anchor';

async function createOnce(create: () => Promise<unknown>): Promise<void> {
  try {
    await create();
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}

export async function ensureSchedules(client: Client, taskQueue: string, opts: { paused?: boolean } = {}): Promise<void> {
  const state = opts.paused ? { paused: true, note: 'created paused (SCHEDULES_PAUSED=1)' } : undefined;
  // A claim for every active TKSK at the start of each (monthly) period: 00:05 WIB on the 1st.
  await createOnce(() =>
    client.schedule.create({
      scheduleId: TALI_ASIH_SCHEDULE_ID,
      spec: { calendars: [{ dayOfMonth: 1, hour: 0, minute: 5 }], timezone: 'Asia/Jakarta' },
      action: { type: 'startWorkflow', workflowType: 'openTaliAsihClaimsWorkflow', taskQueue, args: [] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      state,
    }),
  );
  await createOnce(() =>
    client.schedule.create({
      scheduleId: RETENTION_SCHEDULE_ID,
      // 02:00 WIB every day.
      spec: { cronExpressions: ['0 19 * * *'] },
      action: { type: 'startWorkflow', workflowType: 'retentionWorkflow', taskQueue, args: [] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      state,
    }),
  );
  // Every 5 minutes: workflows closed or reset outside kesos-flow are marked and audited.
  await createOnce(() =>
    client.schedule.create({
      scheduleId: RECONCILE_SCHEDULE_ID,
      spec: { intervals: [{ every: '5 minutes' }] },
      action: { type: 'startWorkflow', workflowType: 'reconcileEngineWorkflow', taskQueue, args: [] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '10 minutes' },
      state,
    }),
  );
  // Every 10 minutes: the audit chain's head is anchored outside PostgreSQL (workflows/anchors.ts).
  await createOnce(() =>
    client.schedule.create({
      scheduleId: AUDIT_ANCHOR_SCHEDULE_ID,
      spec: { intervals: [{ every: '10 minutes' }] },
      action: { type: 'startWorkflow', workflowType: 'anchorAuditChainWorkflow', taskQueue, args: [] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '10 minutes' },
      state,
    }),
  );
}
