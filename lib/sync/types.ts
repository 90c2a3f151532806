import type { EntryCollection } from '@/lib/contract/paths';
import type { Platform, SyncEventRecord } from '@/lib/contract/schemas';

/** Field values are the SDK's own (its Timestamp class); the protocol reads only the string fields. */
export type EntryVersion = {
  [field: string]: unknown;
  rev: string;
  baseRev: string | null;
  deviceId: string;
  deletedAt: unknown;
};

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
  winner: EntryVersion;
  conflictId: string | null;
  /** The rev of the automatic merge that holds the pushed version: this push's, or an earlier one a retry found. */
  mergedRev: string | null;
  reads: number;
  writes: number;
};

/** `stamp` gives a merged version a rev after both sides' revs. */
export type MergeContext = { base: EntryVersion; stamp: (cloudRev: string) => string };

export type PullPage = { docs: { id: string; version: CloudVersion }[]; cursor: PullCursor | null; reads: number };

export type SyncSettingsView = { enabled: boolean; collections: { journal: boolean; mood: boolean; profile: boolean } };

export type SyncAttempt = { id: string } & Omit<SyncEventRecord, 'deviceId' | 'platform' | 'appVersion'>;

export class SyncError extends Error {
  override name = 'SyncError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** One way of reaching Firestore (admin, browser SDK, in-memory model); the protocol is the same over each. */
export type SyncCloud = {
  readSettings(): Promise<SyncSettingsView | null>;
  readDevice(deviceId: string): Promise<{ revoked: boolean } | null>;
  /** Without `merge` (a device that cannot merge) a concurrent edit is decided by the greater rev alone. */
  pushEntry(collection: SyncCollection, id: string, version: EntryVersion, merge?: MergeContext): Promise<PushResult>;
  pullPage(collection: SyncCollection, after: PullCursor | null, limit: number): Promise<PullPage>;
  recordAttempt(
    device: DeviceIdentity,
    attempt: SyncAttempt,
    pendingChanges: number,
    registered: boolean,
  ): Promise<void>;
  timestamp(millis: number): unknown;
};
