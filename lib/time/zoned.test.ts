import { describe, expect, it } from 'vitest';
import { addDays, dayKeyOf, daysBetween, endOfDay, isoWeekday, isValidDayKey, startOfDay, zonedInstant } from './zoned';

const at = (iso: string) => Date.parse(iso);

describe('days in the user time zone', () => {
  it('puts an instant on the local calendar day, not the UTC one', () => {
    // 23:30 UTC on 31 Dec is already New Year's Day in Berlin and still 31 Dec in New York.
    expect(dayKeyOf(at('2025-12-31T23:30:00Z'), 'Europe/Berlin')).toBe('2026-01-01');
    expect(dayKeyOf(at('2025-12-31T23:30:00Z'), 'America/New_York')).toBe('2025-12-31');
    expect(dayKeyOf(at('2025-12-31T23:30:00Z'), 'UTC')).toBe('2025-12-31');
  });

  it('handles the last and first instants of a day', () => {
    const start = startOfDay('2025-06-15', 'Europe/Berlin');
    expect(new Date(start).toISOString()).toBe('2025-06-14T22:00:00.000Z');
    expect(dayKeyOf(start, 'Europe/Berlin')).toBe('2025-06-15');
    expect(dayKeyOf(start - 1, 'Europe/Berlin')).toBe('2025-06-14');
  });

  it('has 23 hours on the spring-forward day and 25 on the fall-back day', () => {
    const hours = (day: string, tz: string) => (endOfDay(day, tz) - startOfDay(day, tz)) / 3_600_000;
    expect(hours('2025-03-30', 'Europe/Berlin')).toBe(23);
    expect(hours('2025-10-26', 'Europe/Berlin')).toBe(25);
    expect(hours('2025-03-09', 'America/New_York')).toBe(23);
    expect(hours('2025-11-02', 'America/New_York')).toBe(25);
    expect(hours('2025-07-01', 'Europe/Berlin')).toBe(24);
  });

  it('keeps both 01:30s of a fall-back night on the same day', () => {
    // New York repeats 01:00-02:00 on 2 Nov 2025: 05:30Z and 06:30Z are both 01:30 local.
    expect(dayKeyOf(at('2025-11-02T05:30:00Z'), 'America/New_York')).toBe('2025-11-02');
    expect(dayKeyOf(at('2025-11-02T06:30:00Z'), 'America/New_York')).toBe('2025-11-02');
    expect(dayKeyOf(at('2025-11-02T03:59:59Z'), 'America/New_York')).toBe('2025-11-01');
  });

  it('starts a day at 01:00 where DST skips midnight', () => {
    // Santiago springs forward at 00:00 on 7 Sep 2025: local midnight does not exist.
    const start = startOfDay('2025-09-07', 'America/Santiago');
    expect(dayKeyOf(start, 'America/Santiago')).toBe('2025-09-07');
    expect(dayKeyOf(start - 1, 'America/Santiago')).toBe('2025-09-06');
  });

  it('does calendar arithmetic across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(isoWeekday('2025-11-24')).toBe(0); // a Monday
    expect(isoWeekday('2025-11-30')).toBe(6); // a Sunday
  });

  it('validates day keys', () => {
    expect(isValidDayKey('2024-02-29')).toBe(true);
    expect(isValidDayKey('2025-02-29')).toBe(false);
    expect(isValidDayKey('2025-13-01')).toBe(false);
    expect(isValidDayKey('25-01-01')).toBe(false);
  });
});

describe('zonedInstant: a local wall time as an instant', () => {
  it.each([
    ['Europe/Berlin', '2026-03-29', 10, 0, '2026-03-29T08:00:00.000Z'],
    ['Europe/Berlin', '2026-03-29', 2, 30, '2026-03-29T01:30:00.000Z'], // skipped: forward by the gap, 03:30 CEST
    ['Europe/Berlin', '2026-10-25', 2, 30, '2026-10-25T00:30:00.000Z'], // repeated: the first, 02:30 CEST
    ['America/New_York', '2026-11-01', 1, 30, '2026-11-01T05:30:00.000Z'], // repeated: the first, 01:30 EDT
    ['America/New_York', '2026-03-08', 2, 30, '2026-03-08T07:30:00.000Z'], // skipped: 03:30 EDT
    ['Australia/Lord_Howe', '2026-10-04', 2, 15, '2026-10-03T15:45:00.000Z'], // a half-hour DST gap
    ['Asia/Kolkata', '2026-06-01', 0, 0, '2026-05-31T18:30:00.000Z'],
    ['UTC', '2024-02-29', 23, 59, '2024-02-29T23:59:00.000Z'],
  ])('%s %s %i:%i', (zone, day, hour, minute, iso) => {
    expect(new Date(zonedInstant(day, hour, minute, zone)).toISOString()).toBe(iso);
  });

  it('agrees with dayKeyOf: the instant falls on the same local day', () => {
    for (let hour = 0; hour < 24; hour += 1)
      expect(dayKeyOf(zonedInstant('2026-03-29', hour, 0, 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-03-29');
  });
});
