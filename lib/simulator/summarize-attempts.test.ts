import { expect, it } from 'vitest';
import { percentiles, summarizeAttempts } from './summarize-attempts';

it('computes nearest-rank percentiles', () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1);
  expect(percentiles(values)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100 });
  expect(percentiles([])).toEqual({ p50: 0, p95: 0, p99: 0, max: 0 });
});

it('ranks releases by failure rate and counts error codes', () => {
  const summary = summarizeAttempts([
    {
      platform: 'android',
      appVersion: '3.1.0',
      status: 'error',
      errorCode: 'unavailable',
      durationMs: 9000,
      conflicts: 0,
      merged: 0,
    },
    {
      platform: 'android',
      appVersion: '3.1.0',
      status: 'ok',
      errorCode: null,
      durationMs: 400,
      conflicts: 0,
      merged: 0,
    },
    { platform: 'ios', appVersion: '3.2.1', status: 'ok', errorCode: null, durationMs: 300, conflicts: 1, merged: 0 },
    {
      platform: 'ios',
      appVersion: '3.2.1',
      status: 'disabled',
      errorCode: null,
      durationMs: 0,
      conflicts: 0,
      merged: 0,
    },
  ]);
  expect(summary.attempts).toBe(3);
  expect(summary.successRate).toBeCloseTo(2 / 3);
  expect(summary.byRelease.map((r) => [r.release, r.failureRate])).toEqual([
    ['android 3.1.0', 0.5],
    ['ios 3.2.1', 0],
  ]);
  expect(summary.errors).toEqual([{ code: 'unavailable', count: 1 }]);
});

it('counts conflicts and the share merged automatically, overall and by release', () => {
  const summary = summarizeAttempts([
    { platform: 'ios', appVersion: '3.2.1', status: 'ok', errorCode: null, durationMs: 300, conflicts: 3, merged: 3 },
    { platform: 'ios', appVersion: '3.0.4', status: 'ok', errorCode: null, durationMs: 300, conflicts: 1, merged: 0 },
  ]);
  expect(summary).toMatchObject({ conflicts: 4, merged: 3, mergedShare: 0.75 });
  expect(summary.byRelease.map((r) => [r.release, r.conflicts, r.merged])).toEqual([
    ['ios 3.2.1', 3, 3],
    ['ios 3.0.4', 1, 0],
  ]);
  expect(summarizeAttempts([]).mergedShare).toBeNull();
});
