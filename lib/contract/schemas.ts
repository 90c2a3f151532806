import { z } from 'zod';
import { ENTRY_COLLECTIONS } from './paths';
import { ZTimestamp, ZTimestampOrNull } from './timestamp';

/** Writes are `.strict()` so nothing stray reaches Firestore; optionals accept null (Flutter writes null). */

export const HLC_PATTERN = /^\d{13}:\d{4}:[^\s]{1,128}$/;
export const ZRev = z.string().regex(HLC_PATTERN, 'Expected an HLC revision like 1764000000000:0003:ios-4f2a');
export const ZDeviceId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[^\s/]+$/, 'Device ids have no spaces or slashes');
const ZCount = z.number().int().min(0);
const SEMVER = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/;

export function isIanaTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const ZUserProfile = z.object({
  displayName: z.string().max(200),
  photoURL: z.string().max(2048).nullish(),
  timezone: z.string().refine(isIanaTimeZone, 'Expected an IANA time zone such as Europe/Berlin'),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});

export const ZSyncSettings = z.object({
  enabled: z.boolean(),
  collections: z.object({ journal: z.boolean(), mood: z.boolean(), profile: z.boolean() }),
  updatedAt: ZTimestamp,
  updatedBy: ZDeviceId,
});

/** Fields every synced entry carries for the protocol (docs/contract.md, "Revisions"). */
const entryProtocolFields = {
  updatedAt: ZTimestamp,
  deletedAt: ZTimestampOrNull,
  rev: ZRev,
  baseRev: ZRev.nullable(),
  deviceId: ZDeviceId,
  syncedAt: ZTimestamp,
};

export const ZJournalEntry = z.object({
  title: z.string().max(200),
  body: z.string().max(100_000),
  tags: z.array(z.string()).max(30),
  mood: z.number().min(1).max(5).nullish(),
  createdAt: ZTimestamp,
  ...entryProtocolFields,
});

export const ZMoodEntry = z.object({
  score: z.number().int().min(1).max(5),
  emotions: z.array(z.string()),
  activities: z.array(z.string()),
  note: z.string().max(2000).nullish(),
  recordedAt: ZTimestamp,
  ...entryProtocolFields,
});

export const PLATFORMS = ['ios', 'android', 'web'] as const;
export const ZPlatform = z.enum(PLATFORMS);
export const ZSyncStatus = z.enum(['ok', 'error']);

export const ZDevice = z.object({
  name: z.string().min(1).max(100),
  platform: ZPlatform,
  model: z.string().max(100).nullish(),
  appVersion: z.string().regex(SEMVER, 'Expected a semantic version like 3.2.1'),
  createdAt: ZTimestamp,
  lastSeenAt: ZTimestamp,
  // Decision (docs/contract.md): null until the device's first sync.
  lastSyncAt: ZTimestampOrNull,
  lastSyncStatus: ZSyncStatus.nullable(),
  pendingChanges: ZCount,
  revokedAt: ZTimestampOrNull,
});

export const SYNC_ERROR_CODES = [
  'unavailable',
  'deadline-exceeded',
  'permission-denied',
  'resource-exhausted',
  'device-revoked',
  'internal',
] as const;

export const ZSyncEvent = z.object({
  deviceId: ZDeviceId,
  platform: ZPlatform,
  appVersion: z.string().regex(SEMVER),
  startedAt: ZTimestamp,
  durationMs: ZCount,
  status: ZSyncStatus,
  // The contract lists examples, not a closed set, so any short code is read.
  errorCode: z.string().min(1).max(64).nullish(),
  pushed: ZCount,
  pulled: ZCount,
  conflicts: ZCount,
  // Automatic merges of the attempt (contract 2026-12); absent means 0.
  merged: ZCount.optional(),
  reads: ZCount,
  writes: ZCount,
  deletes: ZCount,
  bytesUp: ZCount,
  bytesDown: ZCount,
});

export type SyncEventDoc = z.infer<typeof ZSyncEvent>;
/** A `sync_events` document as code holds one in memory: times in milliseconds, no error as null. */
export type SyncEventRecord = Omit<SyncEventDoc, 'startedAt' | 'errorCode'> & {
  startedAtMs: number;
  errorCode: string | null;
};

/** What a person chooses on the Conflicts page. */
export const CONFLICT_RESOLUTIONS = ['kept-winner', 'restored', 'merged'] as const;

export const ZConflict = z.object({
  collection: z.enum(ENTRY_COLLECTIONS),
  docId: z.string().min(1).max(1500),
  rev: ZRev,
  deviceId: ZDeviceId,
  data: z.record(z.string(), z.unknown()),
  // The version both sides started from, when the writer had it, and the rev of the automatic merge (2026-12).
  base: z.record(z.string(), z.unknown()).nullish(),
  mergedRev: ZRev.nullish(),
  detectedAt: ZTimestamp,
  resolvedAt: ZTimestampOrNull,
  resolution: z.enum([...CONFLICT_RESOLUTIONS, 'auto-merged']).nullish(),
});

export type UserProfile = z.infer<typeof ZUserProfile>;
export type SyncSettings = z.infer<typeof ZSyncSettings>;
export type JournalEntry = z.infer<typeof ZJournalEntry>;
export type MoodEntry = z.infer<typeof ZMoodEntry>;
export type Device = z.infer<typeof ZDevice>;
export type SyncEvent = z.infer<typeof ZSyncEvent>;
export type Conflict = z.infer<typeof ZConflict>;
export type Platform = z.infer<typeof ZPlatform>;
