import { SyncError, type CloudVersion, type PullCursor, type SyncCloud } from '@/lib/sync/types';
import {
  pushWithin,
  recordAttemptInBatch,
  type BatchPort,
  type ServerValues,
  type TransactionPort,
} from '@/lib/sync/transaction-steps';

/**
 * An in-memory model of the slice of Firestore the protocol uses, for the pure property test only
 * (lib/sync/sync-protocol.property.test.ts). It runs the same transaction steps as the real adapters, and
 * records every committed entry version so that the test can prove nothing was lost. The integration tests
 * run the protocol on the real emulator instead.
 */
export class MemoryTimestamp {
  constructor(
    readonly seconds: number,
    readonly nanoseconds: number,
  ) {}
  toMillis() {
    return this.seconds * 1000 + Math.floor(this.nanoseconds / 1e6);
  }
  toDate() {
    return new Date(this.toMillis());
  }
}

const SERVER_TIME = Symbol('serverTimestamp');

/** A deep copy that keeps timestamps typed, as Firestore returns them. */
export function clone<T>(value: T): T {
  if (value instanceof MemoryTimestamp) return new MemoryTimestamp(value.seconds, value.nanoseconds) as T;
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
  return value;
}
export type Fault = 'before-commit' | 'after-commit' | null;

export class MemoryFirestore {
  readonly docs = new Map<string, Record<string, unknown>>();
  /** Every version committed to an entry path, in order, whole (a merge's inputs are checked against it). */
  readonly history = new Map<string, (Record<string, unknown> & { rev: string; baseRev: string | null })[]>();
  private commits = 0;

  async transaction<T>(run: (port: TransactionPort) => Promise<T>, fault: Fault): Promise<T> {
    const writes = new Map<string, Record<string, unknown>>();
    const port: TransactionPort = {
      get: async (path) => clone(this.docs.get(path) ?? null),
      set: (path, data) => void writes.set(path, data),
    };
    const result = await run(port);
    if (fault === 'before-commit') throw new SyncError('unavailable', 'network failed before the commit');
    const time = new MemoryTimestamp(1_800_000_000 + ++this.commits, 0);
    for (const [path, data] of writes) {
      const stored = clone(Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v === SERVER_TIME ? time : v])));
      this.docs.set(path, stored);
      if (/\/(journal_entries|mood_entries)\//.test(path)) {
        const log = this.history.get(path) ?? [];
        log.push(clone(stored) as Record<string, unknown> & { rev: string; baseRev: string | null });
        this.history.set(path, log);
      }
    }
    if (fault === 'after-commit') throw new SyncError('deadline-exceeded', 'the commit landed but its answer was lost');
    return result;
  }

  /** A batch: all writes or none; an update of a missing doc fails the batch with not-found. */
  readonly batch: BatchPort = {
    commit: async (writes) => {
      for (const { op, path } of writes) {
        if (op === 'update' && !this.docs.has(path))
          throw Object.assign(new Error('no document to update'), { code: 'not-found' });
        if (op === 'create' && this.docs.has(path))
          throw Object.assign(new Error('document exists'), { code: 'already-exists' });
      }
      for (const { op, path, data } of writes)
        this.docs.set(path, clone(op === 'update' ? { ...this.docs.get(path), ...data } : data));
    },
  };

  entries(prefix: string): [string, Record<string, unknown>][] {
    return [...this.docs].filter(([path]) => path.startsWith(prefix));
  }
}

const values: ServerValues = {
  serverTimestamp: () => SERVER_TIME,
  timestamp: (ms) => new MemoryTimestamp(Math.floor(ms / 1000), (ms % 1000) * 1e6),
};

/** One device's connection to the shared model, with switches for being offline and for the next fault. */
export function memoryCloud(
  db: MemoryFirestore,
  uid: string,
  network: { offline: boolean; nextFault: Fault },
): SyncCloud {
  const reach = () => {
    if (network.offline) throw new SyncError('unavailable', 'offline');
  };
  const takeFault = () => {
    const fault = network.nextFault;
    network.nextFault = null;
    return fault;
  };
  return {
    async readSettings() {
      reach();
      return (db.docs.get(`users/${uid}/settings/sync`) as never) ?? null;
    },
    async readDevice(deviceId) {
      reach();
      const device = db.docs.get(`users/${uid}/devices/${deviceId}`);
      return device ? { revoked: device.revokedAt != null } : null;
    },
    async pushEntry(collection, id, version, merge) {
      reach();
      return db.transaction((port) => pushWithin(port, values, uid, collection, id, version, merge), takeFault());
    },
    async pullPage(collection, after, limit) {
      reach();
      const key = (time: MemoryTimestamp, id: string) =>
        `${String(time.seconds).padStart(12, '0')}:${String(time.nanoseconds).padStart(9, '0')}:${id}`;
      const afterKey = after ? key(new MemoryTimestamp(after.syncedAt[0], after.syncedAt[1]), after.id) : '';
      const prefix = `users/${uid}/${collection}/`;
      const page = db
        .entries(prefix)
        .map(([path, data]) => ({
          id: path.slice(prefix.length),
          data,
          sortKey: key(data.syncedAt as MemoryTimestamp, path.slice(prefix.length)),
        }))
        .filter((doc) => doc.sortKey > afterKey)
        .sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1))
        .slice(0, limit);
      const last = page.at(-1);
      const cursor: PullCursor | null = last
        ? {
            syncedAt: [
              (last.data.syncedAt as MemoryTimestamp).seconds,
              (last.data.syncedAt as MemoryTimestamp).nanoseconds,
            ],
            id: last.id,
          }
        : after;
      return {
        docs: page.map((doc) => ({ id: doc.id, version: clone(doc.data) as CloudVersion })),
        cursor,
        reads: Math.max(1, page.length),
      };
    },
    async recordAttempt(device, attempt, pending, registered) {
      reach();
      await recordAttemptInBatch(db.batch, values, uid, device, attempt, pending, registered);
    },
    timestamp: values.timestamp,
  };
}
