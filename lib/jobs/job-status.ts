import 'server-only';
import { Timestamp } from 'firebase-admin/firestore';

/**
 * A running job writes a heartbeat at least this often. One that has not for longer was interrupted (its
 * server stopped, or lost the database) and is shown as such, so the user can resume or retry it.
 */
export const HEARTBEAT_MS = 10_000;
export const STALE_AFTER_MS = Number(process.env.WELLSYNC_JOB_STALE_MS ?? 90_000);

export function isStale(heartbeatAt: unknown, now = Date.now()): boolean {
  return !(heartbeatAt instanceof Timestamp) || now - heartbeatAt.toMillis() > STALE_AFTER_MS;
}

export const millis = (value: unknown): number | null => (value instanceof Timestamp ? value.toMillis() : null);
