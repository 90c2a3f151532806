import 'server-only';
import { Timestamp } from 'firebase-admin/firestore';

/** Silent for longer means interrupted, so the user can resume or retry. */
export const HEARTBEAT_MS = 10_000;
export const STALE_AFTER_MS = Number(process.env.WELLSYNC_JOB_STALE_MS ?? 90_000);

export function isStale(heartbeatAt: unknown, now = Date.now()): boolean {
  return !(heartbeatAt instanceof Timestamp) || now - heartbeatAt.toMillis() > STALE_AFTER_MS;
}

export const millis = (value: unknown): number | null => (value instanceof Timestamp ? value.toMillis() : null);
