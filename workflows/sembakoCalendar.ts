// openSembakoCalendarWorkflow: run daily by the kabupaten's Schedule `kesos-sembako-calendar-<kabupaten>`
// (worker/schedules.ts); opens the periods of every calendar entry whose opening day has come
// (docs/sembako.md §3). Whoever starts it (the Schedule, an operator, a test) can only open what the
// kabupaten's calendar says is due, as the system: its input names nothing else.
import { proxyActivities } from '@temporalio/workflow';
import { z } from 'zod';
import type { Activities } from '../activities';
import type { CalendarOpenResult } from '../activities/sembakoCalendar';
import { parseInput } from './failures';

const acts = proxyActivities<Pick<Activities, 'dueSembakoCalendarEntries' | 'openSembakoCalendarEntry'>>({
  startToCloseTimeout: '2 minutes',
  retry: { maximumAttempts: 5 },
});

export const openSembakoCalendarInputSchema = z.strictObject({ kabupatenCode: z.string().regex(/^\d{2}\.\d{2}$/) });

export async function openSembakoCalendarWorkflow(
  raw: z.infer<typeof openSembakoCalendarInputSchema>,
): Promise<{ kabupatenCode: string; entries: ({ entryId: string; period: string } & CalendarOpenResult)[] }> {
  const { kabupatenCode } = parseInput(openSembakoCalendarInputSchema, raw, 'calendar run');
  const due = await acts.dueSembakoCalendarEntries({ kabupatenCode });
  const entries = [];
  for (const e of due) entries.push({ entryId: e.entryId, period: e.period, ...(await acts.openSembakoCalendarEntry({ entryId: e.entryId })) });
  return { kabupatenCode, entries };
}
