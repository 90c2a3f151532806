import 'server-only';
import type { UserScope } from '@/lib/auth/scope';
import { readDerivedView } from '@/lib/derived-views/derived-view';
import { adminDb } from '@/lib/firebase/admin';
import { readDoc, readDocs } from '@/lib/firebase/metered';
import { userRef } from '@/lib/firebase/refs';
import { automaticIndexSize, documentSize, type StoredValue } from '@/lib/metrics/firestore-storage-size';
import { userMonthRef } from '@/lib/metrics/metrics-refs';
import { pseudonymFor } from '@/lib/metrics/pseudonymous-id';
import { ZUserMonthDoc } from '@/lib/metrics/rollup-types';
import type { CloudStats, TypeStats } from './preview-sync-change';
import { STORAGE_VIEWS } from './storage-views';

const WINDOW_DAYS = 30;

/** Storage views (kept up to date incrementally: a few reads) and the user's monthly usage rollups. */
export async function getCloudStats(scope: UserScope, nowMs = Date.now()): Promise<CloudStats> {
  const [journal, mood, profile, operations] = await Promise.all([
    readDerivedView(scope, STORAGE_VIEWS.journal),
    readDerivedView(scope, STORAGE_VIEWS.mood),
    readDoc(userRef(scope)),
    recentOperations(scope, nowMs),
  ]);
  const sum = (records: ReadonlyMap<string, { b: number }>): TypeStats => ({
    docs: records.size,
    bytes: [...records.values()].reduce((n, r) => n + r.b, 0),
  });
  const profileFields = profile.data() as Record<string, StoredValue> | undefined;
  return {
    journal: sum(journal),
    mood: sum(mood),
    profile: profileFields
      ? {
          docs: 1,
          bytes: documentSize(profile.ref.path, profileFields) + automaticIndexSize(profile.ref.path, profileFields),
        }
      : { docs: 0, bytes: 0 },
    operations,
  };
}

async function recentOperations(scope: UserScope, nowMs: number): Promise<CloudStats['operations']> {
  const pid = await pseudonymFor(scope.uid);
  const from = new Date(nowMs - WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10);
  const months = [...new Set([from.slice(0, 7), new Date(nowMs).toISOString().slice(0, 7)])];
  const snapshots = await readDocs(
    adminDb(),
    months.map((month) => userMonthRef(pid, month)),
  );
  const totals = { reads: 0, writes: 0, deletes: 0, days: WINDOW_DAYS };
  for (const snapshot of snapshots) {
    const parsed = ZUserMonthDoc.safeParse(snapshot.data());
    if (!parsed.success) continue;
    for (const [day, usage] of Object.entries(parsed.data.days)) {
      if (day < from) continue;
      totals.reads += usage.reads;
      totals.writes += usage.writes;
      totals.deletes += usage.deletes;
    }
  }
  return totals;
}
