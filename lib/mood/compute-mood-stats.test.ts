import { describe, expect, it } from 'vitest';
import { computeMoodStats, type MoodRecord } from './compute-mood-stats';

const at = (iso: string) => Date.parse(iso);
const mood = (iso: string, s: number, a: string[] = [], e: string[] = []): MoodRecord => ({ r: at(iso), s, a, e });

describe('computeMoodStats', () => {
  it('averages check-ins per local day', () => {
    const stats = computeMoodStats(
      [mood('2025-06-10T08:00:00Z', 2), mood('2025-06-10T18:00:00Z', 4), mood('2025-06-11T09:00:00Z', 5)],
      {
        timeZone: 'UTC',
        range: '30d',
        today: '2025-06-11',
      },
    );
    expect(stats.series).toEqual([
      { day: '2025-06-10', average: 3, count: 2 },
      { day: '2025-06-11', average: 5, count: 1 },
    ]);
    expect(stats.summary).toEqual({ checkIns: 3, days: 2, average: 4 });
  });

  it('buckets by the user time zone at midnight', () => {
    // 22:30 UTC on 10 June is 00:30 on 11 June in Berlin (UTC+2 in summer).
    const records = [mood('2025-06-10T22:30:00Z', 1), mood('2025-06-10T21:59:59Z', 5)];
    const berlin = computeMoodStats(records, { timeZone: 'Europe/Berlin', range: '30d', today: '2025-06-11' });
    expect(berlin.series.map((p) => [p.day, p.average])).toEqual([
      ['2025-06-10', 5],
      ['2025-06-11', 1],
    ]);
    const utc = computeMoodStats(records, { timeZone: 'UTC', range: '30d', today: '2025-06-11' });
    expect(utc.series.map((p) => [p.day, p.average])).toEqual([['2025-06-10', 3]]);
  });

  it('keeps a DST transition day whole', () => {
    // Berlin falls back on 26 Oct 2025: 00:30 local is 22:30Z the day before, 23:30 local is 22:30Z that day.
    const records = [mood('2025-10-25T22:30:00Z', 2), mood('2025-10-26T22:30:00Z', 4), mood('2025-10-26T23:30:00Z', 3)];
    const stats = computeMoodStats(records, { timeZone: 'Europe/Berlin', range: '30d', today: '2025-10-27' });
    expect(stats.series.map((p) => [p.day, p.average, p.count])).toEqual([
      ['2025-10-26', 3, 2],
      ['2025-10-27', 3, 1],
    ]);
  });

  it('limits ranges to the last N days, today included', () => {
    const records = [mood('2025-05-12T12:00:00Z', 1), mood('2025-05-13T12:00:00Z', 2), mood('2025-06-11T12:00:00Z', 3)];
    const stats = computeMoodStats(records, { timeZone: 'UTC', range: '30d', today: '2025-06-11' });
    expect(stats.from).toBe('2025-05-13');
    expect(stats.series.map((p) => p.day)).toEqual(['2025-05-13', '2025-06-11']);
  });

  it('charts long histories per week, across year boundaries', () => {
    const records: MoodRecord[] = [];
    for (let d = 0; d < 800; d++)
      records.push({ r: Date.UTC(2023, 11, 1) + d * 86_400_000 + 43_200_000, s: (d % 5) + 1, e: [], a: [] });
    const stats = computeMoodStats(records, { timeZone: 'UTC', range: 'all', today: '2026-02-08' });
    expect(stats.granularity).toBe('week');
    expect(stats.series[0]!.day).toBe('2023-11-27'); // the Monday of 1 Dec 2023's week
    expect(stats.series.every((p, i, all) => i === 0 || p.day > all[i - 1]!.day)).toBe(true);
    expect(stats.years).toEqual([2023, 2024, 2025, 2026]);
    expect(Object.keys(stats.pixels.days).every((day) => day.startsWith('2026-'))).toBe(true);
  });

  it('gives a Year in Pixels for any year', () => {
    const stats = computeMoodStats([mood('2024-12-31T12:00:00Z', 4), mood('2025-01-01T12:00:00Z', 2)], {
      timeZone: 'UTC',
      range: 'all',
      today: '2025-01-01',
      pixelsYear: 2024,
    });
    expect(stats.pixels).toEqual({ year: 2024, days: { '2024-12-31': 4 } });
  });

  it('averages by ISO weekday from daily averages', () => {
    // 2025-11-24 is a Monday.
    const stats = computeMoodStats(
      [mood('2025-11-24T10:00:00Z', 1), mood('2025-11-24T11:00:00Z', 3), mood('2025-11-30T10:00:00Z', 5)],
      {
        timeZone: 'UTC',
        range: '30d',
        today: '2025-11-30',
      },
    );
    expect(stats.weekdays[0]).toEqual({ label: 'Mon', average: 2, days: 1 });
    expect(stats.weekdays[6]).toEqual({ label: 'Sun', average: 5, days: 1 });
    expect(stats.weekdays[2]).toEqual({ label: 'Wed', average: null, days: 0 });
  });

  it('counts emotions in range, most frequent first', () => {
    const stats = computeMoodStats(
      [
        mood('2025-06-10T08:00:00Z', 3, [], ['calm', 'tired']),
        mood('2025-06-11T08:00:00Z', 3, [], ['calm']),
        mood('2024-01-01T08:00:00Z', 3, [], ['angry']),
      ],
      { timeZone: 'UTC', range: '30d', today: '2025-06-11' },
    );
    expect(stats.emotions).toEqual([
      { emotion: 'calm', count: 2 },
      { emotion: 'tired', count: 1 },
    ]);
  });

  it('reports an activity only with at least 3 days with it and 3 without', () => {
    const days = (n: number, start: number, score: number, activities: string[]) =>
      Array.from({ length: n }, (_, i) =>
        mood(new Date(Date.UTC(2025, 5, start + i, 12)).toISOString(), score, activities),
      );
    const records = [...days(3, 1, 5, ['run']), ...days(3, 4, 2, []), ...days(2, 7, 4, ['yoga'])];
    const stats = computeMoodStats(records, { timeZone: 'UTC', range: '30d', today: '2025-06-10' });
    expect(stats.activities).toEqual([
      { activity: 'run', daysWith: 3, daysWithout: 5, averageWith: 5, averageWithout: 2.8, difference: 2.2 },
    ]);

    const tooFewWithout = computeMoodStats(days(4, 1, 4, ['run']).concat(days(2, 5, 2, [])), {
      timeZone: 'UTC',
      range: '30d',
      today: '2025-06-10',
    });
    expect(tooFewWithout.activities).toEqual([]);
  });

  it('copes with no data at all', () => {
    const stats = computeMoodStats([], { timeZone: 'UTC', range: 'all', today: '2025-06-10' });
    expect(stats.series).toEqual([]);
    expect(stats.summary).toEqual({ checkIns: 0, days: 0, average: null });
    expect(stats.from).toBeNull();
  });
});
