// Issue 13, hole 2: Daylio's local times were turned into instants by adding minutes to the start of the day, an
// hour wrong on DST-change days, and impossible dates and times were accepted (2024-02-31 became 2 March).
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { parseDaylioCsv } from '@/lib/import/parse-daylio-csv';

const HEADER = 'full_date,date,weekday,time,mood,activities,note_title,note';
const at = (day: string, time: string, timeZone = 'Europe/Berlin') => {
  const plan = parseDaylioCsv(`${HEADER}\n${day},,,${time},good,,,\n`, timeZone);
  return new Date((plan.entries[0] as { physicalMs: number }).physicalMs).toISOString();
};

describe('Daylio times become the right instant in the user’s zone', () => {
  it.each([
    ['an ordinary winter day', '2026-01-15', '10:00', '2026-01-15T09:00:00.000Z'],
    ['the spring-forward day, after the change', '2026-03-29', '10:00', '2026-03-29T08:00:00.000Z'],
    ['the spring-forward day, in 12-hour form', '2026-03-29', '10:00 am', '2026-03-29T08:00:00.000Z'],
    ['the spring-forward day, before the change', '2026-03-29', '1:59 am', '2026-03-29T00:59:00.000Z'],
    // 02:30 does not exist in Berlin that day (02:00 → 03:00): it moves forward by the gap, to 03:30 CEST.
    ['a time the spring-forward skips', '2026-03-29', '2:30 am', '2026-03-29T01:30:00.000Z'],
    ['the fall-back day, after the change', '2026-10-25', '10:00', '2026-10-25T09:00:00.000Z'],
    // 02:30 happens twice in Berlin that day (03:00 → 02:00): the first, still in summer time (CEST).
    ['a time the fall-back repeats', '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z'],
    ['midnight in 12-hour form', '2026-06-01', '12:00 am', '2026-05-31T22:00:00.000Z'],
    ['noon in 12-hour form', '2026-06-01', '12:30 pm', '2026-06-01T10:30:00.000Z'],
  ])('%s: %s %s', (_name, day, time, iso) => {
    expect(at(day, time)).toBe(iso);
  });

  it('takes the first of a repeated time in a zone west of UTC too', () => {
    // New York falls back at 02:00 EDT on 1 November 2026: 01:30 is first EDT (05:30Z), then EST (06:30Z).
    expect(at('2026-11-01', '1:30 am', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(at('2026-03-08', '2:30 am', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
  });
});

describe('impossible Daylio dates and times are refused with the line and value', () => {
  it.each([
    ['2024-02-31', '10:00', /Line 2: "2024-02-31" is not a date/],
    ['2023-02-29', '10:00', /Line 2: "2023-02-29" is not a date/],
    ['2024-13-01', '10:00', /Line 2: "2024-13-01" is not a date/],
    ['2024-00-10', '10:00', /Line 2: "2024-00-10" is not a date/],
    ['2024-01-01', '13:00 pm', /Line 2: "13:00 pm" is not a time of day/],
    ['2024-01-01', '0:30 am', /Line 2: "0:30 am" is not a time of day/],
    ['2024-01-01', '25:00', /Line 2: "25:00" is not a time of day/],
    ['2024-01-01', '24:00', /Line 2: "24:00" is not a time of day/],
    ['2024-01-01', '12:60', /Line 2: "12:60" is not a time of day/],
    ['2024-01-01', '9:99 pm', /Line 2: "9:99 pm" is not a time of day/],
  ])('%s %s', (day, time, message) => {
    const parse = () => parseDaylioCsv(`${HEADER}\n${day},,,${time},good,,,\n`, 'Europe/Berlin');
    expect(parse).toThrow(AppError);
    expect(parse).toThrow(message);
  });

  it('still accepts the leap day of a leap year', () => {
    expect(at('2024-02-29', '23:59')).toBe('2024-02-29T22:59:00.000Z');
  });
});
