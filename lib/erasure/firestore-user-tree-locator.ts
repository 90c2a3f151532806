import 'server-only';
import type { CollectionReference } from 'firebase-admin/firestore';
import { adminDb } from '@/lib/firebase/admin';
import { readDoc, runCount } from '@/lib/firebase/metered';
import { userRef } from '@/lib/firebase/refs';
import type { LocatedData, UserDataLocator } from './user-data-locator';

/** The contract's collections never hold subcollections (the rules allow none), so they are counted, not walked. */
const FLAT = new Set(['journal_entries', 'mood_entries', 'devices', 'sync_events', 'conflicts', 'settings']);

const WHAT: Record<string, string> = {
  '': 'Your profile (name, time zone)',
  journal_entries: 'Journal entries, including deleted ones kept as tombstones',
  mood_entries: 'Mood check-ins, including deleted ones',
  devices: 'Devices and browser sessions',
  sync_events: 'Sync history (telemetry, no content)',
  conflicts: 'Versions kept from sync conflicts',
  settings: 'Sync settings',
  derived_views: 'Search and chart indexes built from your entries',
  export_jobs: 'Your exports and their archives',
  import_jobs: 'Your imports and their uploaded files',
  job_locks: 'A marker that one of your uploads is being checked right now',
};

/** Lists what is there rather than known paths, so a collection nobody told erasure about still goes. */
export const firestoreUserTreeLocator: UserDataLocator = {
  name: 'firestore-user-tree',
  async find(scope) {
    const root = userRef(scope);
    const found: LocatedData[] = [];
    if ((await readDoc(root)).exists) found.push({ path: root.path, count: 1, what: WHAT['']! });
    for (const collection of await root.listCollections()) {
      const count = await runCount(collection);
      found.push({ path: collection.path, count, what: WHAT[collection.id] ?? 'Other data wellsync stored for you' });
      if (!FLAT.has(collection.id)) found.push(...(await nested(collection)));
    }
    return found.filter((item) => item.count > 0);
  },
  async erase(scope, onDeleted) {
    const root = userRef(scope);
    // recursiveDelete also deletes the user document when it does not exist; that is not data that was held.
    const hadProfile = (await readDoc(root)).exists;
    const counts = new Map<string, number>();
    const writer = adminDb().bulkWriter();
    writer.onWriteResult((ref) => {
      if (ref.path === root.path && !hadProfile) return;
      const key = groupOf(ref.path, root.path);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      onDeleted(1);
    });
    await adminDb().recursiveDelete(root, writer);
    return [...counts].map(([path, count]) => ({
      path,
      count,
      what: WHAT[path.slice(root.path.length + 1).split('/')[0] ?? ''] ?? 'Other data wellsync stored for you',
    }));
  },
};

/** Subcollections of each document in a dashboard-owned collection (chunks of views, files of jobs). */
async function nested(collection: CollectionReference): Promise<LocatedData[]> {
  const out = new Map<string, LocatedData>();
  for (const doc of await collection.listDocuments()) {
    for (const sub of await doc.listCollections()) {
      const key = `${collection.path}/*/${sub.id}`;
      const entry = out.get(key) ?? {
        path: key,
        count: 0,
        what: `${WHAT[collection.id] ?? 'Other data'}: stored parts`,
      };
      entry.count += await runCount(sub);
      out.set(key, entry);
    }
  }
  return [...out.values()];
}

/** The receipt groups deleted documents by collection: `users/u/journal_entries`, or `users/u/export_jobs/*\/file_chunks`. */
function groupOf(path: string, rootPath: string): string {
  if (path === rootPath) return rootPath;
  const parts = path.slice(rootPath.length + 1).split('/');
  return parts.length <= 2 ? `${rootPath}/${parts[0]}` : `${rootPath}/${parts[0]}/*/${parts[2]}`;
}
