// ISO 8601 durations (P3D, PT4H, P1W, P1Y2M…) as used by the SLA policy table.
const PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function parseIsoDuration(text: string): Duration | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const [years, months, weeks, days, hours, minutes, seconds] = m.slice(1).map((v) => Number(v ?? 0));
  return { years, months, weeks, days, hours, minutes, seconds };
}

/** Roughly how many days a duration spans (a month as 31 days, a year as 366): for upper bounds. */
export function approximateDays(d: Duration): number {
  return d.years * 366 + d.months * 31 + d.weeks * 7 + d.days + (d.hours + (d.minutes + d.seconds / 60) / 60) / 24;
}

/** `start` + duration, in UTC calendar arithmetic (months and years by calendar, the rest exact). */
export function addIsoDuration(start: Date, text: string): Date {
  const d = parseIsoDuration(text);
  if (!d) throw new Error(`not an ISO 8601 duration: ${text}`);
  const t = new Date(start.getTime());
  t.setUTCFullYear(t.getUTCFullYear() + d.years, t.getUTCMonth() + d.months);
  return new Date(t.getTime() + ((((d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60 + d.seconds) * 1000);
}
