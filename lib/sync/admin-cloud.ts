import 'server-only';
import { FieldPath, FieldValue, Timestamp, type Query, type Transaction } from 'firebase-admin/firestore';
import type { UserScope } from '@/lib/auth/scope';
import { parseDoc } from '@/lib/contract/parse-docs';
import { DEVICES, SYNC_SETTINGS_DOC, SETTINGS } from '@/lib/contract/paths';
import { ZSyncSettings } from '@/lib/contract/schemas';
import { adminDb } from '@/lib/firebase/admin';
import { countReads, readDoc, runQuery } from '@/lib/firebase/metered';
import { userCollection, userRef } from '@/lib/firebase/refs';
import {
  pushWithin,
  recordAttemptInBatch,
  type BatchPort,
  type ServerValues,
  type TransactionPort,
} from './transaction-steps';
import type { CloudVersion, SyncCloud } from './types';

export const adminServerValues: ServerValues = {
  serverTimestamp: () => FieldValue.serverTimestamp(),
  timestamp: (ms) => Timestamp.fromMillis(ms),
};

export function adminTransactionPort(tx: Transaction): TransactionPort {
  const db = adminDb();
  return {
    get: async (path) => {
      countReads(1);
      return (await tx.get(db.doc(path))).data() ?? null;
    },
    set: (path, data) => void tx.set(db.doc(path), data),
  };
}

const batchPort: BatchPort = {
  async commit(writes) {
    const db = adminDb();
    const batch = db.batch();
    for (const { op, path, data } of writes) {
      if (op === 'set') batch.set(db.doc(path), data);
      else if (op === 'update') batch.update(db.doc(path), data);
      else batch.create(db.doc(path), data);
    }
    await batch.commit();
  },
};

/** The protocol over firebase-admin, acting for one verified user. */
export function adminCloud(scope: UserScope): SyncCloud {
  const uid = userRef(scope).id;
  return {
    async readSettings() {
      const snapshot = await readDoc(userCollection(scope, SETTINGS).doc(SYNC_SETTINGS_DOC));
      return snapshot.exists ? parseDoc(ZSyncSettings, snapshot) : null;
    },
    async readDevice(deviceId) {
      const snapshot = await readDoc(userCollection(scope, DEVICES).doc(deviceId));
      return snapshot.exists ? { revoked: snapshot.get('revokedAt') != null } : null;
    },
    pushEntry: (collection, id, version, merge) =>
      adminDb().runTransaction((tx) =>
        pushWithin(adminTransactionPort(tx), adminServerValues, uid, collection, id, version, merge),
      ),
    async pullPage(collection, after, limit) {
      let query: Query = userCollection(scope, collection)
        .orderBy('syncedAt')
        .orderBy(FieldPath.documentId())
        .limit(limit);
      if (after) query = query.startAfter(new Timestamp(after.syncedAt[0], after.syncedAt[1]), after.id);
      const snapshot = await runQuery(query);
      const docs = snapshot.docs.map((doc) => ({ id: doc.id, version: doc.data() as CloudVersion }));
      const last = snapshot.docs.at(-1);
      const syncedAt = last?.get('syncedAt') as Timestamp | undefined;
      return {
        docs,
        cursor: last && syncedAt ? { syncedAt: [syncedAt.seconds, syncedAt.nanoseconds], id: last.id } : after,
        reads: Math.max(1, snapshot.size),
      };
    },
    recordAttempt: (device, attempt, pending, registered) =>
      recordAttemptInBatch(batchPort, adminServerValues, uid, device, attempt, pending, registered),
    timestamp: (ms) => Timestamp.fromMillis(ms),
  };
}
