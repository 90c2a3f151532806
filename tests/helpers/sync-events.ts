import { randomUUID } from 'node:crypto';
import { Timestamp } from 'firebase-admin/firestore';
import { SYNC_EVENTS } from '@/lib/contract/paths';
import { ZSyncEvent } from '@/lib/contract/schemas';
import { adminDb } from '@/lib/firebase/admin';
import { userCollection } from '@/lib/firebase/refs';

/** A sync attempt as a device reports it (contract shape), in plain numbers. */
export type TestSyncEvent = {
  uid: string;
  deviceId?: string;
  platform?: 'ios' | 'android' | 'web';
  appVersion?: string;
  startedAtMs: number;
  durationMs?: number;
  status?: 'ok' | 'error';
  errorCode?: string | null;
  pushed?: number;
  pulled?: number;
  conflicts?: number;
  /** Left out of the document when undefined, as an older release writes it. */
  merged?: number;
  reads?: number;
  writes?: number;
  deletes?: number;
  bytesUp?: number;
  bytesDown?: number;
};

export function syncEventDoc(event: TestSyncEvent) {
  return ZSyncEvent.strict().parse({
    deviceId: event.deviceId ?? 'ios-test',
    platform: event.platform ?? 'ios',
    appVersion: event.appVersion ?? '3.2.1',
    startedAt: Timestamp.fromMillis(event.startedAtMs),
    durationMs: event.durationMs ?? 300,
    status: event.status ?? 'ok',
    errorCode: event.status === 'error' ? (event.errorCode ?? 'unavailable') : null,
    pushed: event.pushed ?? 1,
    pulled: event.pulled ?? 0,
    conflicts: event.conflicts ?? 0,
    ...(event.merged === undefined ? {} : { merged: event.merged }),
    reads: event.reads ?? 3,
    writes: event.writes ?? 3,
    deletes: event.deletes ?? 0,
    bytesUp: event.bytesUp ?? 1200,
    bytesDown: event.bytesDown ?? 300,
  });
}

/** Writes sync events as phones do, in one batch per 400. */
export async function putSyncEvents(events: TestSyncEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 400) {
    const batch = adminDb().batch();
    for (const event of events.slice(i, i + 400))
      batch.set(userCollection({ uid: event.uid }, SYNC_EVENTS).doc(randomUUID()), syncEventDoc(event));
    await batch.commit();
  }
}
