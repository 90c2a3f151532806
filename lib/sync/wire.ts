import { decodeLocal, encodeLocal, type TimestampFactory } from './local-codec';
import type { EntryVersion } from './types';

/** Server Component to browser: timestamps travel as `{ $ts: [s, ns] }`. */
export type WireVersion = Record<string, unknown> & { rev: string };

export function toWire(version: Record<string, unknown>): WireVersion {
  const { syncedAt: _syncedAt, ...rest } = version;
  return encodeLocal(rest) as WireVersion;
}

export function fromWire(wire: WireVersion, timestamp: TimestampFactory): EntryVersion {
  return decodeLocal(wire, timestamp) as EntryVersion;
}
