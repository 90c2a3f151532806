import 'server-only';
import type { Readable } from 'node:stream';
import { Timestamp, type Query, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import { parseDoc } from '@/lib/contract/parse-docs';
import { SYNC_EVENTS } from '@/lib/contract/paths';
import { ZSyncEvent } from '@/lib/contract/schemas';
import { adminDb } from '@/lib/firebase/admin';
import { countReads, runCount, runQuery } from '@/lib/firebase/metered';
import { readDeadlineMs, withDeadline } from '@/lib/firebase/with-deadline';
import type { RollupEvent } from './aggregate-sync-events';
import { scanQuery } from './scan-query';
import { DAY_MS, utcDay, utcDayStart, type DayKey } from './utc-days';

/** Only telemetry is read here (a collection-group query on `startedAt`). */
export type DayEvent = RollupEvent & { uid: string };

function dayQuery(day: DayKey): Query {
  const start = utcDayStart(day);
  return adminDb()
    .collectionGroup(SYNC_EVENTS)
    .where('startedAt', '>=', Timestamp.fromMillis(start))
    .where('startedAt', '<', Timestamp.fromMillis(start + DAY_MS))
    .orderBy('startedAt');
}

/** How many events a day holds now: the fingerprint compared with the one stored when the day was rolled up. */
export function countDayEvents(day: DayKey): Promise<number> {
  return runCount(dayQuery(day));
}

export async function oldestEventDay(): Promise<DayKey | null> {
  const snapshot = await runQuery(adminDb().collectionGroup(SYNC_EVENTS).orderBy('startedAt').limit(1));
  const startedAt = snapshot.docs[0]?.get('startedAt') as Timestamp | undefined;
  return startedAt ? utcDay(startedAt.toMillis()) : null;
}

export type DayEvents = { events: DayEvent[]; docsRead: number; skipped: number };

const emptyDay = (): DayEvents => ({ events: [], docsRead: 0, skipped: 0 });

function addToDay(day: DayEvents, doc: QueryDocumentSnapshot, pid: (uid: string) => string): void {
  day.docsRead += 1;
  const event = parseDoc(ZSyncEvent, doc);
  const uid = doc.ref.parent.parent?.id;
  if (!event || !uid) {
    day.skipped += 1;
    return;
  }
  const { id: _id, startedAt, errorCode, merged, ...fields } = event;
  day.events.push({
    ...fields,
    uid,
    pid: pid(uid),
    startedAtMs: startedAt.toMillis(),
    errorCode: errorCode ?? null,
    merged: merged ?? 0,
  });
}

export async function readDayEvents(day: DayKey, pid: (uid: string) => string): Promise<DayEvents> {
  const result = emptyDay();
  await scanQuery(dayQuery(day), (docs) => {
    for (const doc of docs) addToDay(result, doc, pid);
  });
  return result;
}

/** A stream, not pages: the emulator re-sorts the whole group for every `startAfter` (40 minutes a rebuild). */
export function streamEventsByMonth(
  from: DayKey,
  pid: (uid: string) => string,
): { month: (month: string) => Promise<Map<DayKey, DayEvents>>; close: () => void } {
  const query = adminDb()
    .collectionGroup(SYNC_EVENTS)
    .where('startedAt', '>=', Timestamp.fromMillis(utcDayStart(from)))
    .orderBy('startedAt');
  let stream: Readable | null = null;
  let documents: AsyncIterator<QueryDocumentSnapshot> | null = null;
  let pending: QueryDocumentSnapshot | null = null;
  let done = false;
  let read = 0;
  const dayOfDoc = (doc: QueryDocumentSnapshot) => utcDay((doc.get('startedAt') as Timestamp).toMillis());
  const close = () => {
    done = true;
    stream?.destroy();
  };
  return {
    close,
    month: async (month) => {
      const days = new Map<DayKey, DayEvents>();
      for (;;) {
        if (pending) {
          const day = dayOfDoc(pending);
          if (day.slice(0, 7) > month) return days;
          if (day.slice(0, 7) === month) addToDay(days.get(day) ?? days.set(day, emptyDay()).get(day)!, pending, pid);
          pending = null;
        }
        if (done) return days;
        stream ??= query.stream() as Readable;
        documents ??= stream[Symbol.asyncIterator]() as AsyncIterator<QueryDocumentSnapshot>;
        const next = await withDeadline(documents.next(), 'reading sync events', readDeadlineMs());
        if (next.done) {
          // A query is billed at least one read, even when it matches nothing.
          if (read === 0) countReads(1);
          close();
          return days;
        }
        read += 1;
        countReads(1);
        pending = next.value;
      }
    },
  };
}
