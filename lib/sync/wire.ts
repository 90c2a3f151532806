import { decodeLocal, encodeLocal, type TimestampFactory } from './local-codec';
import type { EntryVersion } from './types';

/**
 * An entry version as plain JSON, for passing from a Server Component to the browser: timestamps travel
 * as `{ $ts: [seconds, nanoseconds] }` and become the browser SDK's Timestamps again on arrival.
 */
export type WireVersion = Record<string, unknown> & { rev: string };

export function toWire(version: Record<string, unknown>): WireVersion {
  const { syncedAt: _syncedAt, ...rest } = version;
  return encodeLocal(rest) as WireVersion;
}

export function fromWire(wire: WireVersion, timestamp: TimestampFactory): EntryVersion {
  return decodeLocal(wire, timestamp) as EntryVersion;
}
