import { describe, expect, it } from 'vitest';
import { isWithinTelemetryBounds, TELEMETRY_BOUNDS } from './telemetry-bounds';

const now = Date.parse('2026-12-03T08:40:00Z');
const attempt = {
  startedAtMs: now - 60_000,
  durationMs: 420,
  pushed: 1,
  pulled: 0,
  conflicts: 0,
  reads: 2,
  writes: 2,
  deletes: 0,
  bytesUp: 300,
  bytesDown: 120,
};

describe('isWithinTelemetryBounds', () => {
  it('takes an ordinary attempt, and every bound exactly', () => {
    expect(isWithinTelemetryBounds(attempt, now)).toBe(true);
    const { maxCount, maxBytes, maxDurationMs, maxAgeMs, maxAheadMs } = TELEMETRY_BOUNDS;
    expect(
      isWithinTelemetryBounds(
        {
          ...attempt,
          durationMs: maxDurationMs,
          pushed: maxCount,
          merged: maxCount,
          bytesUp: maxBytes,
          startedAtMs: now - maxAgeMs,
        },
        now,
      ),
    ).toBe(true);
    expect(isWithinTelemetryBounds({ ...attempt, startedAtMs: now + maxAheadMs }, now)).toBe(true);
  });

  it.each([
    ['queued for 31 days', { startedAtMs: now - 31 * 86_400_000 }],
    ['from a clock two days ahead', { startedAtMs: now + 2 * 86_400_000 }],
    ['longer than a day', { durationMs: 86_400_001 }],
    ['a count over a million', { reads: 1_000_001 }],
    ['merged over a million', { merged: 1_000_001 }],
    ['a fractional count', { pulled: 0.5 }],
    ['a negative count', { deletes: -1 }],
    ['over 10 GB', { bytesDown: 10_000_000_001 }],
  ])('drops an attempt %s', (_name, over) => {
    expect(isWithinTelemetryBounds({ ...attempt, ...over }, now)).toBe(false);
  });
});
