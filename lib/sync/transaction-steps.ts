import { CONFLICTS, DEVICES, docPath, SYNC_EVENTS } from '@/lib/contract/paths';
import { conflictIdFor, decidePush } from './decide-push';
import { mergeEntry, same } from './merge/merge-entry';
import type { DeviceIdentity, EntryVersion, MergeContext, PushResult, SyncAttempt, SyncCollection } from './types';

/** What the protocol needs from a transaction, so the steps below are written once for every SDK. */
export type TransactionPort = {
  get(path: string): Promise<Record<string, unknown> | null>;
  set(path: string, data: Record<string, unknown>): void;
};

export type ServerValues = { serverTimestamp: () => unknown; timestamp: (millis: number) => unknown };

/** docs/sync.md, "Push" and "Merging". Nothing is dropped; a winning cloud doc is left as it is. */
export async function pushWithin(
  tx: TransactionPort,
  values: ServerValues,
  uid: string,
  collection: SyncCollection,
  docId: string,
  version: EntryVersion,
  merge: MergeContext | null = null,
): Promise<PushResult> {
  const entryPath = docPath(uid, collection, docId);
  const conflictPath = (id: string) => docPath(uid, CONFLICTS, id);
  const local = withoutSyncedAt(version);
  const cloud = (await tx.get(entryPath)) as EntryVersion | null;
  const decision = decidePush(cloud, local);
  let reads = 1;
  if (decision === 'fast-forward') {
    tx.set(entryPath, { ...local, syncedAt: values.serverTimestamp() });
    return { decision, winner: local, conflictId: null, mergedRev: null, reads, writes: 1 };
  }
  const current = withoutSyncedAt(cloud!);
  const applied = (mergedRev: string | null): PushResult => ({
    decision: 'already-applied',
    winner: current,
    conflictId: null,
    mergedRev,
    reads,
    writes: 0,
  });
  if (decision === 'already-applied') return applied(null);

  // Both sides changed. The loser is the smaller rev, as without merging; with a merge it is still kept whole.
  const base = merge && local.baseRev !== null && merge.base.rev === local.baseRev ? withoutSyncedAt(merge.base) : null;
  const loser = decision === 'local-wins' ? cloud! : local;
  const conflictId = await conflictIdFor(collection, docId, loser.rev);
  const existing = await tx.get(conflictPath(conflictId));
  reads += 1;
  // A retry after an ambiguous commit that had merged this version as the loser: it is recorded and merged in.
  const mergedBefore =
    existing?.resolution === 'auto-merged' && typeof existing.mergedRev === 'string' ? existing.mergedRev : null;
  if (loser === local && mergedBefore) return applied(mergedBefore);
  if (base && !existing && current.deviceId === local.deviceId && current.baseRev) {
    // A retry after an ambiguous commit that had merged this version as the winner: the cloud is our merge, based
    // on the version that lost to it. Recomputing that merge (pure, deterministic) proves it holds this version.
    const earlier = await tx.get(conflictPath(await conflictIdFor(collection, docId, current.baseRev)));
    reads += 1;
    if (isMergeOf(collection, earlier, base, local, current)) return applied(current.rev);
  }
  if (base && merge && !existing) {
    const outcome = mergeEntry(collection, base, local, current);
    if (outcome.ok) {
      const rev = merge.stamp(current.rev);
      const merged = { ...outcome.fields, rev, baseRev: current.rev, deviceId: local.deviceId } as EntryVersion;
      const now = values.serverTimestamp();
      const resolved = { mergedRev: rev, resolvedAt: now, resolution: 'auto-merged' };
      tx.set(conflictPath(conflictId), { ...conflictOf(collection, docId, loser, base, now), ...resolved });
      tx.set(entryPath, { ...merged, syncedAt: now });
      return { decision: 'merged', winner: merged, conflictId, mergedRev: rev, reads, writes: 2 };
    }
  }

  let writes = 0;
  if (!existing) {
    const open = { resolvedAt: null, resolution: null };
    tx.set(conflictPath(conflictId), {
      ...conflictOf(collection, docId, loser, base, values.serverTimestamp()),
      ...open,
    });
    writes += 1;
  }
  if (decision === 'local-wins') {
    tx.set(entryPath, { ...local, syncedAt: values.serverTimestamp() });
    writes += 1;
  }
  return { decision, winner: decision === 'local-wins' ? local : current, conflictId, mergedRev: null, reads, writes };
}

/** A conflict record: the loser whole, and the base when the writer had it (a device that cannot merge has not). */
function conflictOf(
  collection: SyncCollection,
  docId: string,
  loser: EntryVersion,
  base: EntryVersion | null,
  at: unknown,
) {
  return {
    collection,
    docId,
    rev: loser.rev,
    deviceId: loser.deviceId,
    data: loser,
    ...(base ? { base } : {}),
    detectedAt: at,
  };
}

function isMergeOf(
  collection: SyncCollection,
  conflict: Record<string, unknown> | null,
  base: EntryVersion,
  local: EntryVersion,
  current: EntryVersion,
): boolean {
  if (conflict?.resolution !== 'auto-merged' || conflict.mergedRev !== current.rev || conflict.rev !== current.baseRev)
    return false;
  if ((conflict.base as { rev?: unknown } | null)?.rev !== local.baseRev) return false;
  const outcome = mergeEntry(collection, base, local, conflict.data as EntryVersion);
  return outcome.ok && Object.entries(outcome.fields).every(([field, value]) => same(value, current[field]));
}

export type BatchPort = { commit(writes: BatchWrite[]): Promise<void> };
export type BatchWrite = { op: 'set' | 'update' | 'create'; path: string; data: Record<string, unknown> };

/** One batched write (one round trip); a revoked device only reports, its doc stays as the server left it. */
export async function recordAttemptInBatch(
  batch: BatchPort,
  values: ServerValues,
  uid: string,
  device: DeviceIdentity,
  attempt: SyncAttempt,
  pendingChanges: number,
  registered: boolean,
): Promise<void> {
  const devicePath = docPath(uid, DEVICES, device.id);
  const { id, startedAtMs, ...counts } = attempt;
  const event: BatchWrite = {
    op: 'set',
    path: docPath(uid, SYNC_EVENTS, id),
    data: {
      deviceId: device.id,
      platform: device.platform,
      appVersion: device.appVersion,
      startedAt: values.timestamp(startedAtMs),
      ...counts,
    },
  };
  if (attempt.errorCode === 'device-revoked') return batch.commit([event]);
  const end = values.timestamp(startedAtMs + attempt.durationMs);
  const fresh = {
    appVersion: device.appVersion,
    lastSeenAt: end,
    lastSyncAt: end,
    lastSyncStatus: attempt.status,
    pendingChanges,
  };
  if (registered) return batch.commit([event, { op: 'update', path: devicePath, data: fresh }]);
  const created = {
    name: device.name,
    platform: device.platform,
    model: device.model ?? null,
    createdAt: end,
    ...fresh,
    revokedAt: null,
  };
  await batch.commit([event, { op: 'create', path: devicePath, data: created }]);
}

function withoutSyncedAt(version: Record<string, unknown>): EntryVersion {
  const { syncedAt: _syncedAt, ...rest } = version;
  return rest as EntryVersion;
}
