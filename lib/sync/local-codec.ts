// Timestamps travel as `{ "$ts": [s, ns] }` so they come back as the SDK's class, microseconds intact.
type TimestampLike = { seconds: number; nanoseconds: number; toMillis: () => number };

export type TimestampFactory = (seconds: number, nanoseconds: number) => unknown;

function isTimestampLike(value: unknown): value is TimestampLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as TimestampLike).toMillis === 'function' &&
    typeof (value as TimestampLike).seconds === 'number'
  );
}

export function encodeLocal(value: unknown): unknown {
  if (isTimestampLike(value)) return { $ts: [value.seconds, value.nanoseconds] };
  if (Array.isArray(value)) return value.map(encodeLocal);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeLocal(v)]));
  return value;
}

export function decodeLocal(value: unknown, timestamp: TimestampFactory): unknown {
  if (Array.isArray(value)) return value.map((v) => decodeLocal(v, timestamp));
  if (value && typeof value === 'object') {
    const ts = (value as { $ts?: unknown }).$ts;
    if (Array.isArray(ts) && ts.length === 2 && Object.keys(value).length === 1)
      return timestamp(ts[0] as number, ts[1] as number);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeLocal(v, timestamp)]));
  }
  return value;
}
