// Working-day deadlines on the Indonesian calendar: weekends and national holidays are skipped.
// Day boundaries are taken in WIB (UTC+7), where most kecamatan and Kemensos work.
import { addIsoDuration, parseIsoDuration } from './duration';

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** YYYY-MM-DD of an instant in WIB. */
export function wibDate(t: Date): string {
  return new Date(t.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(t: Date, holidays: ReadonlySet<string>): boolean {
  const local = new Date(t.getTime() + WIB_OFFSET_MS);
  const dow = local.getUTCDay();
  return dow !== 0 && dow !== 6 && !holidays.has(wibDate(t));
}

/** `start` + n working days, same time of day. */
export function addWorkingDays(start: Date, n: number, holidays: ReadonlySet<string>): Date {
  let t = start;
  let left = n;
  while (left > 0) {
    t = new Date(t.getTime() + 24 * 60 * 60 * 1000);
    if (isWorkingDay(t, holidays)) left--;
  }
  return t;
}

/** `end` − n working days, same time of day: the day a distribution's preparations start (docs/sembako.md §3). */
export function subtractWorkingDays(end: Date, n: number, holidays: ReadonlySet<string>): Date {
  let t = end;
  let left = n;
  while (left > 0) {
    t = new Date(t.getTime() - 24 * 60 * 60 * 1000);
    if (isWorkingDay(t, holidays)) left--;
  }
  return t;
}

/**
 * Due time for a task created at `start` under an ISO 8601 period. Whole-day periods (P3D, P2W)
 * count working days when `workingDays` is on; anything with months, years or a time part is
 * calendar time.
 */
export function computeDueAt(start: Date, period: string, workingDays: boolean, holidays: ReadonlySet<string>): Date {
  const d = parseIsoDuration(period);
  if (!d) throw new Error(`not an ISO 8601 duration: ${period}`);
  const wholeDays = d.years === 0 && d.months === 0 && d.hours === 0 && d.minutes === 0 && d.seconds === 0;
  if (workingDays && wholeDays) return addWorkingDays(start, d.weeks * 5 + d.days, holidays);
  return addIsoDuration(start, period);
}
