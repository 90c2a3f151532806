import { describe, expect, it } from 'vitest';
import { aggregateDay, membersOfDay, type RollupEvent } from './aggregate-sync-events';

const base: RollupEvent = {
  pid: 'pa',
  deviceId: 'ios-1',
  platform: 'ios',
  appVersion: '3.2.1',
  startedAtMs: Date.UTC(2026, 10, 3, 9, 15),
  durationMs: 400,
  status: 'ok',
  errorCode: null,
  pushed: 2,
  pulled: 1,
  conflicts: 0,
  reads: 4,
  writes: 3,
  deletes: 0,
  bytesUp: 2000,
  bytesDown: 500,
};

describe('aggregateDay', () => {
  it('separates SLO failures from refusals of revoked devices', () => {
    const { day, hours } = aggregateDay([
      base,
      { ...base, status: 'error', errorCode: 'unavailable', durationMs: 9000 },
      { ...base, status: 'error', errorCode: 'device-revoked' },
      { ...base, status: 'error', errorCode: null, startedAtMs: Date.UTC(2026, 10, 3, 23, 59) },
    ]);
    expect(day).toMatchObject({ attempts: 4, ok: 1, failures: 2, excluded: 1, reads: 16 });
    expect(day.byError).toEqual({
      unavailable: { count: 1, users: 1, members: ['pa'] },
      'device-revoked': { count: 1, users: 1, members: ['pa'] },
      unknown: { count: 1, users: 1, members: ['pa'] },
    });
    // Only successful syncs are timed.
    expect(Object.values(day.latency).reduce((a, b) => a + b, 0)).toBe(1);
    expect(hours).toEqual({
      '09': { attempts: 3, ok: 1, failures: 1, excluded: 1 },
      '23': { attempts: 1, ok: 0, failures: 1, excluded: 0 },
    });
  });

  it('sums automatic merges like conflicts, reading an absent count as 0 (an older release)', () => {
    const old = { ...base, platform: 'android', appVersion: '3.0.4', deviceId: 'a-1', conflicts: 2 };
    const { day } = aggregateDay([{ ...base, conflicts: 3, merged: 2 }, { ...base, conflicts: 1, merged: 1 }, old]);
    expect(day).toMatchObject({ conflicts: 6, merged: 3 });
    expect(day.byRelease['ios 3.2.1']).toMatchObject({ conflicts: 4, merged: 3 });
    expect(day.byRelease['android 3.0.4']).toMatchObject({ conflicts: 2, merged: 0 });
  });

  it('breaks down by platform and release, keeping ids only for groups under five users', () => {
    const events = ['p1', 'p2', 'p3', 'p4', 'p5'].map((pid) => ({ ...base, pid }));
    events.push({ ...base, pid: 'p9', platform: 'android', appVersion: '3.1.0', deviceId: 'a-9' });
    const { day, users } = aggregateDay(events);
    expect(day.users).toBe(6);
    expect(day.members).toBeUndefined();
    expect(day.byPlatform.ios).toMatchObject({ users: 5, attempts: 5 });
    expect(day.byPlatform.ios!.members).toBeUndefined();
    expect(day.byRelease['android 3.1.0']).toMatchObject({
      platform: 'android',
      version: '3.1.0',
      users: 1,
      members: ['p9'],
    });
    expect(membersOfDay(day)).toEqual(['p9']);
    expect(users.p9).toEqual({
      syncs: 1,
      ok: 1,
      reads: 4,
      writes: 3,
      deletes: 0,
      pushed: 2,
      bytesUp: 2000,
      bytesDown: 500,
    });
  });
});
