/** The contract's telemetry bounds ("Telemetry"), which firestore.rules enforces on every sync_events write. */
export const TELEMETRY_BOUNDS = {
  maxDurationMs: 86_400_000,
  maxCount: 1_000_000,
  maxBytes: 10_000_000_000,
  maxAgeMs: 30 * 86_400_000,
  maxAheadMs: 86_400_000,
} as const;

type AttemptFigures = {
  startedAtMs: number;
  durationMs: number;
  pushed: number;
  pulled: number;
  conflicts: number;
  merged?: number;
  reads: number;
  writes: number;
  deletes: number;
  bytesUp: number;
  bytesDown: number;
};

const within = (value: number, max: number) => Number.isInteger(value) && value >= 0 && value <= max;

/** Whether the rules would take this attempt's telemetry at `nowMs`: a device drops a queued one that would not. */
export function isWithinTelemetryBounds(attempt: AttemptFigures, nowMs: number): boolean {
  const { maxDurationMs, maxCount, maxBytes, maxAgeMs, maxAheadMs } = TELEMETRY_BOUNDS;
  const counts = [
    attempt.pushed,
    attempt.pulled,
    attempt.conflicts,
    attempt.merged ?? 0,
    attempt.reads,
    attempt.writes,
    attempt.deletes,
  ];
  return (
    attempt.startedAtMs >= nowMs - maxAgeMs &&
    attempt.startedAtMs <= nowMs + maxAheadMs &&
    within(attempt.durationMs, maxDurationMs) &&
    counts.every((count) => within(count, maxCount)) &&
    within(attempt.bytesUp, maxBytes) &&
    within(attempt.bytesDown, maxBytes)
  );
}
