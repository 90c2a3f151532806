import type { EntryCollection } from '@/lib/contract/paths';
import type { Platform, SyncEventRecord } from '@/lib/contract/schemas';

/**
 * The sync protocol's view of documents (docs/contract.md, "Push" and "Pull"). Field values are whatever
 * the Firestore SDK in use gives (its own Timestamp class); the protocol only reads the string fields.
 */
export type EntryVersion = {
  [field: string]: unknown;
  rev: string;
  baseRev: string | null;
  deviceId: string;
  deletedAt: unknown;
};

/** A version as the cloud holds it: with the server's commit time. */
export type CloudVersion = EntryVersion & { syncedAt: unknown };

export type DeviceIdentity = {
  id: string;
  platform: Platform;
  appVersion: string;
  name: string;
  model?: string | null;
};

export type SyncCollection = EntryCollection;

export type PullCursor = { syncedAt: [seconds: number, nanoseconds: number]; id: string };

export type PushResult = {
  decision: 'fast-forward' | 'already-applied' | 'local-wins' | 'cloud-wins' | 'merged';
  /** The version the cloud holds after the push. */
  winner: EntryVersion;
  /** The conflict document written (or found, on a retry) for the losing version. */
  conflictId: string | null;
  /** The rev of the automatic merge that holds the pushed version: this push's, or an earlier one a retry found. */
  mergedRev: string | null;
  reads: number;
  writes: number;
};

/**
 * What a device that can merge sends with a push (docs/contract.md, "Automatic merge"): the whole cloud version its
 * edit was based on, and its clock, which stamps a merged version with a rev after both sides' revs.
 */
export type MergeContext = { base: EntryVersion; stamp: (cloudRev: string) => string };

export type PullPage = { docs: { id: string; version: CloudVersion }[]; cursor: PullCursor | null; reads: number };

export type SyncSettingsView = { enabled: boolean; collections: { journal: boolean; mood: boolean; profile: boolean } };

/** Telemetry for one sync attempt, before it becomes a `sync_events` document (the device adds who it is). */
export type SyncAttempt = { id: string } & Omit<SyncEventRecord, 'deviceId' | 'platform' | 'appVersion'>;

/** Thrown by a cloud adapter; `code` uses the contract's errorCode vocabulary. */
export class SyncError extends Error {
  override name = 'SyncError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One way of reaching Firestore. The protocol logic is the same for every adapter: firebase-admin on the server
 * (web edits, import, the seed), the browser SDK in the portal and the device simulator, and an in-memory model
 * in the pure property tests.
 */
export type SyncCloud = {
  readSettings(): Promise<SyncSettingsView | null>;
  /** The device's own doc: null when it has not registered yet. */
  readDevice(deviceId: string): Promise<{ revoked: boolean } | null>;
  /** Without `merge` (a device that cannot merge) a concurrent edit is decided by the greater rev alone. */
  pushEntry(collection: SyncCollection, id: string, version: EntryVersion, merge?: MergeContext): Promise<PushResult>;
  pullPage(collection: SyncCollection, after: PullCursor | null, limit: number): Promise<PullPage>;
  /** Writes the `sync_events` doc and the device's own doc (created when not `registered`) for one attempt. */
  recordAttempt(
    device: DeviceIdentity,
    attempt: SyncAttempt,
    pendingChanges: number,
    registered: boolean,
  ): Promise<void>;
  /** A Firestore Timestamp of this SDK. */
  timestamp(millis: number): unknown;
};
