import { describe, expect, it } from 'vitest';
import { ZRev } from '@/lib/contract/schemas';
import { compareRevs } from '@/lib/sync/hlc';
import { DEMO_USER } from './demo-accounts';
import { generateHistory, type HistoryOptions } from './generate-history';

const options: HistoryOptions = {
  today: '2026-11-25',
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

  it('never dates anything after today', () => {
    const history = generateHistory(DEMO_USER, options);
    const end = Date.parse('2026-11-25T23:00:00Z'); // end of 25 Nov in Berlin
    for (const doc of [...history.journal, ...history.moods]) expect(doc.updatedAtMs).toBeLessThanOrEqual(end);
  });
});
