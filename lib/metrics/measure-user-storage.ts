import 'server-only';
import type { BulkWriter } from 'firebase-admin/firestore';
import pLimit from 'p-limit';
import { CONFLICTS, DEVICES, JOURNAL_ENTRIES, MOOD_ENTRIES, SYNC_EVENTS } from '@/lib/contract/paths';
import { runCount } from '@/lib/firebase/metered';
import { userCollection } from '@/lib/firebase/refs';
import { estimateUserStorage, type StorageCounts } from './estimate-user-storage';
import { userMonthRef } from './metrics-refs';
import { ROLLUP_VERSION, type StorageMeasurement } from './rollup-types';

/** Counted, never fetched: `count()` per collection times a representative document. */
export async function measureUserStorage(
  uid: string,
  upload: { pushed: number; bytesUp: number },
  nowMs: number,
): Promise<StorageMeasurement> {
  const scope = { uid };
  const count = (collection: string) => runCount(userCollection(scope, collection));
  const [journal, mood, conflicts, events, devices] = await Promise.all([
    count(JOURNAL_ENTRIES),
    count(MOOD_ENTRIES),
    count(CONFLICTS),
    count(SYNC_EVENTS),
    count(DEVICES),
  ]);
  // A syncing user has a profile and a settings document: one each, not worth two more queries per user.
  const counts: StorageCounts = {
    journal_entries: journal,
    mood_entries: mood,
    conflicts,
    sync_events: events,
    devices,
    settings: 1,
    profile: 1,
  };
  const payloadBytes = upload.pushed > 0 ? upload.bytesUp / upload.pushed : null;
  return { bytes: estimateUserStorage(uid, counts, payloadBytes).bytes, measuredAtMs: nowMs, counts, payloadBytes };
}

export async function measureUsersStorage(
  users: Map<string, { uid: string; pushed: number; bytesUp: number }>,
  month: string,
  nowMs: number,
  writer: BulkWriter,
): Promise<number> {
  await pLimit(4).map([...users], async ([pid, user]) => {
    const storage = await measureUserStorage(user.uid, user, nowMs);
    void writer.set(
      userMonthRef(pid, month),
      { version: ROLLUP_VERSION, pid, month, storage },
      { mergeFields: ['version', 'pid', 'month', 'storage'] },
    );
  });
  return users.size;
}
