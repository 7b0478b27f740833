import { addWorkingDays, computeDueAt, isWorkingDay, wibDate } from '../../domain/calendar';

const holidays = new Set(['2026-08-17', '2026-12-25']);

describe('working-day calendar (WIB)', () => {
  test('weekends and holidays are not working days; day boundaries are WIB', () => {
    expect(isWorkingDay(new Date('2026-08-14T03:00:00Z'), holidays)).toBe(true); // Friday
    expect(isWorkingDay(new Date('2026-08-15T03:00:00Z'), holidays)).toBe(false); // Saturday
    expect(isWorkingDay(new Date('2026-08-17T03:00:00Z'), holidays)).toBe(false); // Hari Kemerdekaan
    // 17:30 UTC on Sunday 16 Aug is already Monday 17 Aug 00:30 WIB: a holiday.
    expect(wibDate(new Date('2026-08-16T17:30:00Z'))).toBe('2026-08-17');
  });

  test('3 working days from Friday skip the weekend and the 17 August holiday', () => {
    const due = addWorkingDays(new Date('2026-08-14T03:00:00Z'), 3, holidays);
    expect(due.toISOString()).toBe('2026-08-20T03:00:00.000Z'); // Tue 18, Wed 19, Thu 20
  });

  test('computeDueAt: whole days follow the calendar only when workingDays is on', () => {
    const thu = new Date('2026-12-24T02:00:00Z'); // Thursday 24 Dec
    expect(computeDueAt(thu, 'P2D', true, holidays).toISOString()).toBe('2026-12-29T02:00:00.000Z'); // Mon 28, Tue 29
    expect(computeDueAt(thu, 'P2D', false, holidays).toISOString()).toBe('2026-12-26T02:00:00.000Z');
    expect(computeDueAt(thu, 'P1W', true, holidays).toISOString()).toBe('2027-01-01T02:00:00.000Z'); // 5 working days: 28-31 Dec, 1 Jan
    expect(computeDueAt(thu, 'PT12H', true, holidays).toISOString()).toBe('2026-12-24T14:00:00.000Z'); // hours: calendar time
  });
});
