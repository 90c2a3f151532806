import { ENTRY_COLLECTIONS } from '@/lib/contract/paths';

// Why: docs/sync.md, "When a session ends".

/** Every IndexedDB database wellsync creates starts with this, so a sweep finds them without knowing whose they are. */
export const REPLICA_PREFIX = 'wellsync-';

export function replicaName(uid: string, deviceId: string): string {
  return `${REPLICA_PREFIX}${uid}-${deviceId}`;
}

export function isReplicaName(name: string): boolean {
  return name.startsWith(REPLICA_PREFIX);
}

export type ReplicaDirectory = {
  list(): Promise<string[]>;
  read(name: string): Promise<unknown>;
  /** Deletes its contents and then the database; rejects when the contents could not be deleted. */
  erase(name: string): Promise<void>;
};

export type ErasedReplicas = {
  erased: number;
  unsyncedChanges: number;
  /** Replicas whose contents could not be read before erasing: they may have held unsynced edits. */
  unreadable: number;
  /** Replicas that could not be erased (another tab held them open, or storage failed): retried on the next visit. */
  failed: number;
};

export const NOTHING_ERASED: ErasedReplicas = { erased: 0, unsyncedChanges: 0, unreadable: 0, failed: 0 };

/** Counts queued edits in a saved LocalState without decoding it: the shape may be from an older release. */
export function countUnsyncedChanges(raw: unknown): number {
  const docs = (raw as { docs?: Record<string, unknown> } | null)?.docs;
  if (!docs || typeof docs !== 'object') return 0;
  let count = 0;
  for (const collection of ENTRY_COLLECTIONS) {
    const entries = docs[collection];
    if (!entries || typeof entries !== 'object') continue;
    for (const doc of Object.values(entries as Record<string, unknown>)) {
      const pending = (doc as { pending?: unknown } | null)?.pending;
      if (Array.isArray(pending)) count += pending.length;
    }
  }
  return count;
}

/** One failure does not stop the others. */
export async function eraseLocalReplicas(
  directory: ReplicaDirectory,
  { keep = null }: { keep?: string | null } = {},
): Promise<ErasedReplicas> {
  const names = [...new Set(await directory.list())].filter((name) => isReplicaName(name) && name !== keep);
  const result = { ...NOTHING_ERASED };
  for (const name of names) {
    try {
      result.unsyncedChanges += countUnsyncedChanges(await directory.read(name));
    } catch {
      result.unreadable += 1;
    }
    try {
      await directory.erase(name);
      result.erased += 1;
    } catch {
      result.failed += 1;
    }
  }
  return result;
}

export function addErased(a: ErasedReplicas, b: ErasedReplicas): ErasedReplicas {
  return {
    erased: a.erased + b.erased,
    unsyncedChanges: a.unsyncedChanges + b.unsyncedChanges,
    unreadable: a.unreadable + b.unreadable,
    failed: a.failed + b.failed,
  };
}

export type EndedReason = 'revoked' | 'expired';

/** With a reason in the address the sign-in form ends the session itself, so its replica goes too. */
export function replicaToKeep(
  session: { uid: string; deviceId: string } | null,
  reason: EndedReason | null,
): string | null {
  return session && !reason ? replicaName(session.uid, session.deviceId) : null;
}

export type ErasedMessage = { tone: 'warning' | 'error'; title: string; detail: string };

export function describeErased(erased: ErasedReplicas): ErasedMessage | null {
  const leftover =
    erased.failed > 0
      ? ' Part of this browser\u2019s offline copy could not be deleted yet: close other wellsync tabs, then reload this page.'
      : '';
  const n = erased.unsyncedChanges;
  if (n > 0) {
    return {
      tone: 'warning',
      title: `${n} unsynced change${n === 1 ? ' was' : 's were'} discarded from this browser`,
      detail: `${n === 1 ? 'It' : 'They'} had not reached the cloud when your session ended, and without a session ${n === 1 ? 'it' : 'they'} cannot be sent. Everything that had synced is safe in your account.${leftover}`,
    };
  }
  if (erased.unreadable > 0) {
    return {
      tone: 'warning',
      title: 'Unsynced changes from this browser may have been discarded',
      detail: `This browser\u2019s offline copy could not be read before it was deleted. Everything that had synced is safe in your account.${leftover}`,
    };
  }
  return leftover
    ? { tone: 'error', title: 'This browser still holds an offline copy', detail: leftover.trim() }
    : null;
}
