import { describe, expect, it } from 'vitest';
import { ZRev } from '@/lib/contract/schemas';
import { compareRevs } from '@/lib/sync/hlc';
import { dayKeyOf, startOfDay } from '@/lib/time/zoned';
import { DEMO_USER } from './demo-accounts';
import { generateHistory, type HistoryOptions } from './generate-history';

const options: HistoryOptions = {
  nowMs: Date.parse('2026-11-25T22:59:00Z'), // 23:59 in Berlin: the whole of 25 Nov has happened
  days: 120,
  seed: 42,
  devices: [
    { id: 'ios-a', name: 'iPhone', platform: 'ios', model: 'iPhone 15', appVersion: '3.2.1' },
    { id: 'android-b', name: 'Pixel', platform: 'android', model: 'Pixel 8', appVersion: '3.1.0' },
  ],
  journalRate: 0.8,
  moodsPerDay: 1,
  pinned: [{ daysAgo: 10, title: 'Walk to the lighthouse', body: 'Wind and gulls.', tags: ['outdoors'] }],
};

describe('generateHistory', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateHistory(DEMO_USER, options);
    expect(generateHistory(DEMO_USER, options)).toEqual(a);
    expect(generateHistory(DEMO_USER, { ...options, seed: 43 }).journal[0]!.body).not.toBe(a.journal[0]!.body);
  });

  it('writes one check-in a day and journals on most days, from both phones', () => {
    const history = generateHistory(DEMO_USER, options);
    expect(history.moods).toHaveLength(120);
    expect(history.journal.length).toBeGreaterThan(80);
    expect(history.journal.length).toBeLessThan(115);
    expect(new Set(history.moods.map((m) => m.deviceId))).toEqual(new Set(['ios-a', 'android-b']));
    expect(history.journal.some((entry) => entry.title === 'Walk to the lighthouse')).toBe(true);
  });

  it('gives every version a valid rev, and an edit a rev after its base', () => {
    const history = generateHistory(DEMO_USER, { ...options, days: 400 });
    for (const doc of [...history.journal, ...history.moods]) {
      expect(ZRev.safeParse(doc.rev).success).toBe(true);
      if (doc.baseRev) expect(compareRevs(doc.rev, doc.baseRev)).toBe(1);
    }
    expect(history.journal.some((entry) => entry.baseRev !== null)).toBe(true);
    expect(history.journal.some((entry) => entry.deletedAtMs !== null)).toBe(true);
  });

  // The morning: 08:40 UTC, 09:40 in Berlin. The evening's check-in and journal entry have not happened yet.
  const hardInstants = {
    'a weekday morning': '2026-12-03T08:40:00Z',
    'the spring-forward day in Berlin, after the switch': '2026-03-29T01:30:00Z',
    'the fall-back day in Berlin, in the repeated hour': '2026-10-25T00:30:00Z',
    'the last minutes of 31 December in Berlin': '2026-12-31T22:58:00Z',
    'a leap day': '2028-02-29T11:00:00Z',
  };

  it.each(Object.entries(hardInstants))(
    'stops at now on %s: nothing dated after it, every earlier day complete',
    (_name, iso) => {
      const nowMs = Date.parse(iso);
      const history = generateHistory(DEMO_USER, { ...options, nowMs, days: 40 });
      const times = [...history.journal, ...history.moods].flatMap((doc) => [
        doc.updatedAtMs,
        doc.deletedAtMs ?? 0,
        'createdAtMs' in doc ? doc.createdAtMs : doc.recordedAtMs,
      ]);
      expect(Math.max(...times)).toBeLessThanOrEqual(nowMs);
      // One check-in for each of the 39 earlier days; yesterday's may have run past midnight.
      const todayStart = startOfDay(dayKeyOf(nowMs, DEMO_USER.timezone), DEMO_USER.timezone);
      expect(history.moods.filter((m) => m.recordedAtMs < todayStart).length).toBeGreaterThanOrEqual(38);
      expect(history.journal.some((entry) => entry.title === 'Walk to the lighthouse')).toBe(true);
    },
  );
});
