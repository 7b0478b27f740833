// Temporal Schedules kesos-flow relies on, created (idempotently) when a worker starts.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';

export const RETENTION_SCHEDULE_ID = 'kesos-retention';

export async function ensureSchedules(client: Client, taskQueue: string): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: RETENTION_SCHEDULE_ID,
      // 02:00 WIB every day.
      spec: { cronExpressions: ['0 19 * * *'] },
      action: { type: 'startWorkflow', workflowType: 'retentionWorkflow', taskQueue, args: [] },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}
