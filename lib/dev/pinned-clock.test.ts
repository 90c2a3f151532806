import { describe, expect, it } from 'vitest';
import { pinnedClockEnv, withoutPinnedClock } from './pinned-clock';

describe('pinnedClockEnv', () => {
  const real = Date.parse('2026-12-03T10:00:00Z');

  it('offsets forward and backward in whole seconds from real time', () => {
    expect(pinnedClockEnv('2028-02-29T10:00:00Z', '/lib.so', real).FAKETIME).toBe(
      `+${(Date.parse('2028-02-29T10:00:00Z') - real) / 1000}`,
    );
    expect(pinnedClockEnv('2026-03-29T10:00:00Z', '/lib.so', real).FAKETIME).toBe(
      `-${(real - Date.parse('2026-03-29T10:00:00Z')) / 1000}`,
    );
    expect(pinnedClockEnv('2026-12-03T10:00:00Z', '/lib.so', real)).toEqual({
      LD_PRELOAD: '/lib.so',
      FAKETIME: '+0',
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
    });
  });

  it('refuses what is not an instant', () => {
    expect(() => pinnedClockEnv('next tuesday', '/lib.so', real)).toThrow(/Not an ISO 8601 instant/);
  });

  it('strips the pinned clock for Chromium and keeps everything else', () => {
    expect(
      withoutPinnedClock({ PATH: '/bin', LD_PRELOAD: '/lib.so', FAKETIME: '+5', FAKETIME_DONT_FAKE_MONOTONIC: '1' }),
    ).toEqual({ PATH: '/bin' });
  });
});
