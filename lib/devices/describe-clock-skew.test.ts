import { describe, expect, it } from 'vitest';
import { clockAheadMs, describeClockSkew } from './describe-clock-skew';

const now = Date.UTC(2026, 11, 3, 12);
const MIN = 60_000;

describe('clockAheadMs', () => {
  it.each([
    ['both in the past', [now - 5 * MIN, now - MIN], null],
    ['never synced, seen just now', [now, null], null],
    ['exactly 10 minutes ahead', [now + 10 * MIN, null], null],
    ['10 minutes and 1 second ahead', [now + 10 * MIN + 1000, null], 10 * MIN + 1000],
    ['the last sync ahead, last seen not', [now - MIN, now + 15 * MIN], 15 * MIN],
    ['both ahead: the furthest counts', [now + 20 * MIN, now + 12 * MIN], 20 * MIN],
  ] as const)('%s', (_, values, expected) => {
    expect(clockAheadMs(values, now)).toBe(expected);
  });
});

describe('describeClockSkew', () => {
  it.each([
    [10 * MIN + 1000, 'android', "This phone's clock looks wrong: it is about 10 minutes ahead."],
    [15 * MIN, 'ios', "This phone's clock looks wrong: it is about 15 minutes ahead."],
    [119 * MIN, 'ios', "This phone's clock looks wrong: it is about 119 minutes ahead."],
    [15 * 60 * MIN, 'android', "This phone's clock looks wrong: it is about 15 hours ahead."],
    [3 * 1440 * MIN, 'web', "This device's clock looks wrong: it is about 3 days ahead."],
  ] as const)('%i ms on %s', (ahead, platform, expected) => {
    expect(describeClockSkew(ahead, platform)).toBe(expected);
  });
});
