import { collection, doc, onSnapshot, query, where, type Firestore, type Timestamp } from 'firebase/firestore';
import { ENTRY_COLLECTIONS } from '@/lib/contract/paths';
import type { SyncClient } from '@/lib/sync/sync-client';
import type { CloudVersion } from '@/lib/sync/types';

/** Also this browser's device document, whose `revokedAt` ends the session. */
export function listenToCloud(
  db: Firestore,
  {
    uid,
    deviceId,
    since,
    client,
    onReceived,
    onRevoked,
  }: {
    uid: string;
    deviceId: string;
    /** Changes committed after this are received; earlier ones were in the rendered page. */
    since: Timestamp;
    client: SyncClient;
    onReceived: () => void;
    onRevoked: () => void;
  },
): () => void {
  const unsubscribes = ENTRY_COLLECTIONS.map((name) =>
    onSnapshot(query(collection(db, 'users', uid, name), where('syncedAt', '>', since)), (snapshot) => {
      // What this device already holds (its own pushes, echoed back; on a new page, the last few seconds it
      // synced) changes nothing on the page: only news refreshes it.
      const changes = snapshot
        .docChanges()
        .filter((change) => change.type !== 'removed' && !change.doc.metadata.hasPendingWrites)
        .filter((change) => client.get(name, change.doc.id)?.rev !== change.doc.get('rev'));
      if (changes.length === 0) return;
      void Promise.all(
        changes.map((change) => client.receive(name, change.doc.id, change.doc.data() as CloudVersion)),
      ).then(onReceived);
    }),
  );
  unsubscribes.push(
    onSnapshot(doc(db, 'users', uid, 'devices', deviceId), (snapshot) => {
      if (snapshot.get('revokedAt') != null) onRevoked();
    }),
  );
  return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
}
