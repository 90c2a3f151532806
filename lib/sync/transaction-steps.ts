import { CONFLICTS, DEVICES, SYNC_EVENTS, USERS } from '@/lib/contract/paths';
import { conflictIdFor, decidePush } from './decide-push';
import type { DeviceIdentity, EntryVersion, PushResult, SyncAttempt, SyncCollection } from './types';

/**
 * What a Firestore transaction offers, reduced to what the protocol needs. Each adapter (firebase-admin, the
 * browser SDK, the in-memory model) implements it, so the steps below are written once.
 */
export type TransactionPort = {
  get(path: string): Promise<Record<string, unknown> | null>;
  set(path: string, data: Record<string, unknown>): void;
};

/** The adapter's sentinel for "the server's commit time", and its Timestamp factory. */
export type ServerValues = { serverTimestamp: () => unknown; timestamp: (millis: number) => unknown };

/**
 * One entry's push, inside one transaction (docs/contract.md, "Push"): read the cloud doc, decide, then write
 * the winner (when it is ours) and the loser, whole, to `conflicts`. Nothing is ever dropped.
 * When the cloud's version wins it already is the cloud doc, with its syncedAt: it is left as it is.
 */
export async function pushWithin(
  tx: TransactionPort,
  values: ServerValues,
  uid: string,
  collection: SyncCollection,
  docId: string,
  version: EntryVersion,
): Promise<PushResult> {
  const docPath = `${USERS}/${uid}/${collection}/${docId}`;
  const local = withoutSyncedAt(version);
  const cloud = await tx.get(docPath);
  const decision = decidePush(cloud as { rev: string; baseRev: string | null } | null, local);
  let reads = 1;
  let writes = 0;
  let conflictId: string | null = null;

  if (decision === 'local-wins' || decision === 'cloud-wins') {
    const loser = decision === 'local-wins' ? (cloud as EntryVersion) : local;
    conflictId = await conflictIdFor(collection, docId, loser.rev);
    const conflictPath = `${USERS}/${uid}/${CONFLICTS}/${conflictId}`;
    const existing = await tx.get(conflictPath);
    reads += 1;
    if (!existing) {
      tx.set(conflictPath, {
        collection,
        docId,
        rev: loser.rev,
        deviceId: loser.deviceId,
        data: loser,
        detectedAt: values.serverTimestamp(),
        resolvedAt: null,
        resolution: null,
      });
      writes += 1;
    }
  }
  if (decision === 'fast-forward' || decision === 'local-wins') {
    tx.set(docPath, { ...local, syncedAt: values.serverTimestamp() });
    writes += 1;
  }
  const winner = decision === 'fast-forward' || decision === 'local-wins' ? local : withoutSyncedAt(cloud as EntryVersion);
  return { decision, winner, conflictId, reads, writes };
}

/** A batched write, all or nothing, as each SDK offers it. */
export type BatchPort = { commit(writes: BatchWrite[]): Promise<void> };
export type BatchWrite = { op: 'set' | 'update' | 'create'; path: string; data: Record<string, unknown> };

/**
 * After every attempt: one `sync_events` doc, and the device's own doc brought up to date, in one batched
 * write (one round trip). A device that has no doc yet (its first sync) creates it; the client knows, from the
 * device read at the start of each attempt. A revoked device only reports; its doc stays as the server left it.
 */
export async function recordAttemptInBatch(
  batch: BatchPort,
  values: ServerValues,
  uid: string,
  device: DeviceIdentity,
  attempt: SyncAttempt,
  pendingChanges: number,
  registered: boolean,
): Promise<void> {
  const devicePath = `${USERS}/${uid}/${DEVICES}/${device.id}`;
  const { id, startedAtMs, ...counts } = attempt;
  const event: BatchWrite = {
    op: 'set',
    path: `${USERS}/${uid}/${SYNC_EVENTS}/${id}`,
    data: { deviceId: device.id, platform: device.platform, appVersion: device.appVersion, startedAt: values.timestamp(startedAtMs), ...counts },
  };
  if (attempt.errorCode === 'device-revoked') return batch.commit([event]);
  const end = values.timestamp(startedAtMs + attempt.durationMs);
  const fresh = { appVersion: device.appVersion, lastSeenAt: end, lastSyncAt: end, lastSyncStatus: attempt.status, pendingChanges };
  if (registered) return batch.commit([event, { op: 'update', path: devicePath, data: fresh }]);
  const created = { name: device.name, platform: device.platform, model: device.model ?? null, createdAt: end, ...fresh, revokedAt: null };
  await batch.commit([event, { op: 'create', path: devicePath, data: created }]);
}

/** The status code of a Firestore error from either SDK, as the web SDK spells it. */
export function firestoreCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'number') return GRPC_NAMES[code] ?? null;
  return typeof code === 'string' ? code.replace(/^firestore\//, '') : null;
}

const GRPC_NAMES: Record<number, string> = {
  4: 'deadline-exceeded',
  5: 'not-found',
  6: 'already-exists',
  7: 'permission-denied',
  8: 'resource-exhausted',
  9: 'failed-precondition',
  14: 'unavailable',
};

function withoutSyncedAt(version: Record<string, unknown>): EntryVersion {
  const { syncedAt: _syncedAt, ...rest } = version;
  return rest as EntryVersion;
}
