import { describe, expect, it } from 'vitest';
import type { SyncReport } from '@/lib/sync/sync-client';
import { afterSync, PERIODIC_SYNC_MS, RETRY_FIRST_MS, scheduleRetry } from './retry-schedule';

const report = (overrides: Partial<SyncReport>): SyncReport => ({
  status: 'ok',
  errorCode: null,
  durationMs: 10,
  pushed: 0,
  pulled: 0,
  conflicts: 0,
  merged: 0,
  pending: 0,
  revoked: false,
  ...overrides,
});

describe('scheduleRetry', () => {
  it('retries a failure after the current wait, doubling the next one up to a minute', () => {
    const delays: number[] = [];
    let delay = RETRY_FIRST_MS;
    for (let i = 0; i < 9; i += 1) {
      const decision = scheduleRetry(report({ status: 'error' }), true, delay);
      delays.push(decision.retryInMs!);
      delay = decision.nextDelayMs;
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(delay).toBe(PERIODIC_SYNC_MS);
  });

  it('resets the wait after a success, and does not retry it', () => {
    expect(scheduleRetry(report({ status: 'ok' }), true, 16_000)).toEqual({ retryInMs: null, nextDelayMs: 1_000 });
  });

  it.each([
    ['no report yet', null, true],
    ['sync switched off', report({ status: 'disabled' }), true],
    ['a revoked device', report({ status: 'error', revoked: true }), true],
    ['an offline browser', report({ status: 'error' }), false],
  ])('does not retry %s, keeping the wait', (_name, given, online) => {
    expect(scheduleRetry(given, online, 8_000)).toEqual({ retryInMs: null, nextDelayMs: 8_000 });
  });
});

describe('afterSync', () => {
  it.each([
    [{ revoked: true, pushed: 3 }, 'end-session'],
    [{ revoked: false, pushed: 3 }, 'refresh'],
    [{ revoked: false, pushed: 0 }, 'none'],
  ] as const)('%o → %s', (given, outcome) => {
    expect(afterSync(given)).toBe(outcome);
  });
});
