import { describe, expect, it } from 'vitest';
import { aggregateDay, type RollupEvent } from '@/lib/metrics/aggregate-sync-events';
import { presetRange } from './admin-range';
import { buildReliabilityReport, isFlaggedRelease } from './build-reliability-report';
import type { Rollups } from '@/lib/metrics/read-rollups';
import { EMPTY_STATE } from '@/lib/metrics/rollup-state';

const event = (pid: string, over: Partial<RollupEvent> = {}): RollupEvent => ({
  pid,
  deviceId: `d-${pid}`,
  platform: 'ios',
  appVersion: '3.2.1',
  startedAtMs: Date.UTC(2026, 10, 20, 10),
  durationMs: 500,
  status: 'ok',
  errorCode: null,
  pushed: 1,
  pulled: 0,
  conflicts: 0,
  reads: 3,
  writes: 3,
  deletes: 0,
  bytesUp: 100,
  bytesDown: 100,
  ...over,
});

function rollupsOf(events: RollupEvent[]): Rollups {
  return {
    state: EMPTY_STATE,
    syncDays: new Map([['2026-11-20', aggregateDay(events).day]]),
    fleetMonths: new Map(),
    costMonths: new Map(),
    hours: new Map(),
  };
}

describe('reliability report', () => {
  it('flags a release failing more than twice the fleet and above the SLO, over enough attempts', () => {
    expect(isFlaggedRelease({ eligible: 100, failures: 3 }, 0.005)).toBe(true);
    expect(isFlaggedRelease({ eligible: 100, failures: 1 }, 0.005)).toBe(false);
    expect(isFlaggedRelease({ eligible: 20, failures: 5 }, 0.005)).toBe(false);
  });

  it('sorts releases by failure rate, marks the bad one, and hides groups under five users', () => {
    const events: RollupEvent[] = [];
    for (let i = 0; i < 600; i++) events.push(event(`g${i % 6}`));
    for (let i = 0; i < 100; i++)
      events.push(
        event(`b${i % 5}`, {
          platform: 'android',
          appVersion: '3.1.0',
          ...(i < 10 ? { status: 'error', errorCode: 'internal' } : {}),
        }),
      );
    for (let i = 0; i < 60; i++)
      events.push(
        event(`s${i % 2}`, {
          platform: 'web',
          appVersion: '0.1.0',
          ...(i < 5 ? { status: 'error', errorCode: 'rare-code' } : {}),
        }),
      );
    const report = buildReliabilityReport(
      rollupsOf(events),
      presetRange('7d', '2026-11-20'),
      Date.UTC(2026, 10, 20, 12),
      { lastRunAtMs: 1, stale: false },
    );
    expect(report.byRelease.rows.map((r) => [r.label, r.flagged])).toEqual([
      ['android 3.1.0', true],
      ['ios 3.2.1', false],
    ]);
    expect(report.byRelease.hidden).toBe(1); // web 0.1.0: two users
    expect(report.byError.rows.map((r) => r.code)).toEqual(['internal']);
    expect(report.byError.hidden).toBe(1);
    expect(report.tables.find((t) => t.id === 'releases')!.highlight).toEqual([0]);
    expect(report.summary).toMatchObject({ attempts: 760, failures: 15 });
  });

  it('shows conflicts merged automatically against those left to users, by release', () => {
    const events: RollupEvent[] = [];
    for (let i = 0; i < 10; i++) events.push(event(`n${i % 5}`, { conflicts: 2, merged: i < 9 ? 2 : 1 }));
    // The older release cannot merge and leaves the field out.
    for (let i = 0; i < 10; i++)
      events.push(event(`o${i % 5}`, { platform: 'android', appVersion: '3.0.4', conflicts: i < 4 ? 1 : 0 }));
    const report = buildReliabilityReport(
      rollupsOf(events),
      presetRange('7d', '2026-11-20'),
      Date.UTC(2026, 10, 20, 12),
      { lastRunAtMs: 1, stale: false },
    );
    expect(report.summary).toMatchObject({ conflicts: 24, merged: 19 });
    expect(report.daily).toEqual([
      expect.objectContaining({ day: '2026-11-20', conflicts: 24, merged: 19, leftToUsers: 5 }),
    ]);
    expect(report.tables.find((t) => t.id === 'merges')!.rows).toEqual([
      { group: 'ios 3.2.1', conflicts: 20, merged: 19, leftToUsers: 1, mergedShare: 0.95 },
      { group: 'android 3.0.4', conflicts: 4, merged: 0, leftToUsers: 4, mergedShare: 0 },
    ]);
  });

  it('reads rollups written before merges were counted as 0 merged', async () => {
    const { ZDayRollup } = await import('@/lib/metrics/rollup-types');
    const { merged: _merged, ...older } = aggregateDay([event('p1', { conflicts: 1 })]).day;
    expect(ZDayRollup.parse(older)).toMatchObject({ conflicts: 1, merged: 0 });
  });
});
