// The Temporal Schedule of a kabupaten's Sembako distribution calendar (docs/sembako.md §3,
// decision 0021): `kesos-sembako-calendar-<kabupaten>` runs openSembakoCalendarWorkflow once a day
// at 00:15 WIB, which opens the periods of the entries whose opening day has come. Created
// idempotently by the API when the kabupaten's first entry is recorded, and by the worker at start
// for every kabupaten with entries (a restored database, a Schedule deleted by hand). Plain
// Schedule features only (calendar spec, skip overlap, catch-up window), as on any Temporal cluster.
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { sembakoCalendarScheduleIdOf } from '../domain/sembako';

export async function ensureSembakoCalendarSchedule(client: Client, kabupatenCode: string, taskQueue: string, opts: { paused?: boolean } = {}): Promise<void> {
  const why = `open the Sembako periods of kabupaten ${kabupatenCode} on its distribution calendar: 00:15 WIB every day`;
  try {
    await client.schedule.create({
      scheduleId: sembakoCalendarScheduleIdOf(kabupatenCode),
      spec: { calendars: [{ hour: 0, minute: 15 }], timezone: 'Asia/Jakarta' },
      action: { type: 'startWorkflow', workflowType: 'openSembakoCalendarWorkflow', taskQueue, args: [{ kabupatenCode }] },
      // A day missed (the cluster down) is caught up once; a run still going is not doubled.
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      state: opts.paused ? { paused: true, note: `created paused (SCHEDULES_PAUSED=1): ${why}` } : { note: why },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}
