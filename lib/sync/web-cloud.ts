import {
  collection as collectionRef,
  doc,
  documentId,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  runTransaction,
  serverTimestamp,
  startAfter,
  Timestamp,
  writeBatch,
  type Firestore,
  type Transaction,
} from 'firebase/firestore';
import { DEVICES, SETTINGS, SYNC_SETTINGS_DOC, USERS } from '@/lib/contract/paths';
import {
  pushWithin,
  recordAttemptInBatch,
  type BatchPort,
  type ServerValues,
  type TransactionPort,
} from './transaction-steps';
import { SyncError, type CloudVersion, type SyncCloud, type SyncSettingsView } from './types';

const values: ServerValues = { serverTimestamp: () => serverTimestamp(), timestamp: (ms) => Timestamp.fromMillis(ms) };

function port(db: Firestore, tx: Transaction): TransactionPort {
  return {
    get: async (path) => (await tx.get(doc(db, path))).data() ?? null,
    set: (path, data) => void tx.set(doc(db, path), data),
  };
}

function batchPort(db: Firestore): BatchPort {
  return {
    async commit(writes) {
      const batch = writeBatch(db);
      for (const { op, path, data } of writes) {
        // The web SDK has no create(); on a batch it is a set, which the rules treat as a create when the doc is new.
        if (op === 'update') batch.update(doc(db, path), data);
        else batch.set(doc(db, path), data);
      }
      await batch.commit();
    },
  };
}

/** As a phone: signed in as the user, so the rules apply. `isOnline` fails fast instead of waiting on retries. */
export function webCloud(db: Firestore, uid: string, options: { isOnline?: () => boolean } = {}): SyncCloud {
  const reachable = () => {
    if (options.isOnline && !options.isOnline()) throw new SyncError('unavailable', 'This device is offline.');
  };
  const base = `${USERS}/${uid}`;
  return {
    async readSettings() {
      reachable();
      const snapshot = await getDoc(doc(db, base, SETTINGS, SYNC_SETTINGS_DOC));
      return snapshot.exists() ? (snapshot.data() as SyncSettingsView) : null;
    },
    async readDevice(deviceId) {
      reachable();
      const snapshot = await getDoc(doc(db, base, DEVICES, deviceId));
      return snapshot.exists() ? { revoked: snapshot.get('revokedAt') != null } : null;
    },
    async pushEntry(collection, id, version, merge) {
      reachable();
      return runTransaction(db, (tx) => pushWithin(port(db, tx), values, uid, collection, id, version, merge));
    },
    async pullPage(collection, after, pageSize) {
      reachable();
      const constraints = [
        orderBy('syncedAt'),
        orderBy(documentId()),
        ...(after ? [startAfter(new Timestamp(after.syncedAt[0], after.syncedAt[1]), after.id)] : []),
        limit(pageSize),
      ];
      const snapshot = await getDocs(query(collectionRef(db, base, collection), ...constraints));
      const last = snapshot.docs.at(-1);
      const syncedAt = last?.get('syncedAt') as Timestamp | undefined;
      return {
        docs: snapshot.docs.map((d) => ({ id: d.id, version: d.data() as CloudVersion })),
        cursor: last && syncedAt ? { syncedAt: [syncedAt.seconds, syncedAt.nanoseconds], id: last.id } : after,
        reads: Math.max(1, snapshot.size),
      };
    },
    async recordAttempt(device, attempt, pending, registered) {
      reachable();
      await recordAttemptInBatch(batchPort(db), values, uid, device, attempt, pending, registered);
    },
    timestamp: (ms) => Timestamp.fromMillis(ms),
  };
}
