import {
  CONFLICTS,
  DEVICES,
  docPath,
  JOURNAL_ENTRIES,
  MOOD_ENTRIES,
  SYNC_EVENTS,
  syncSettingsPath,
  userPath,
} from '@/lib/contract/paths';
import { storedDocumentBytes, type StoredValue } from './firestore-storage-size';

/** Metadata only: `count()` per collection times a representative document; payloads from telemetry. */
export type StorageCounts = {
  journal_entries: number;
  mood_entries: number;
  conflicts: number;
  sync_events: number;
  devices: number;
  profile: number;
  settings: number;
};

export type StorageEstimate = { bytes: number; byCollection: Record<keyof StorageCounts, number> };

/** Used when a user has never pushed (no telemetry to size their entries by). */
export const DEFAULT_PAYLOAD_BYTES = 1200;

const ID = '01936f2a-7c1e-7d4b-9a8e-2f5b6c7d8e9f';
const DEVICE = 'ios-4f2a9c';
const REV = `1764000000000:0003:${DEVICE}`;
const T = new Date(0);
const ENTRY_FIELDS = { updatedAt: T, deletedAt: null, rev: REV, baseRev: REV, deviceId: DEVICE, syncedAt: T };

function text(bytes: number): string {
  return 'x'.repeat(Math.max(0, Math.round(bytes)));
}

function journalFields(payloadBytes: number): Record<string, StoredValue> {
  const fixed = { tags: ['reflection', 'sleep'], mood: 3, createdAt: T, ...ENTRY_FIELDS };
  const title = text(Math.min(40, payloadBytes / 10));
  const used = storedDocumentBytesOfFields(fixed) + title.length;
  return { title, body: text(payloadBytes - used), ...fixed };
}

function moodFields(payloadBytes: number): Record<string, StoredValue> {
  const fixed = {
    score: 4,
    emotions: ['calm', 'content'],
    activities: ['exercise', 'reading'],
    recordedAt: T,
    ...ENTRY_FIELDS,
  };
  return { note: text(payloadBytes - storedDocumentBytesOfFields(fixed)), ...fixed };
}

function storedDocumentBytesOfFields(fields: Record<string, StoredValue>): number {
  return Object.entries(fields).reduce(
    (sum, [name, value]) => sum + name.length + 1 + JSON.stringify(value ?? null).length,
    0,
  );
}

const SYNC_EVENT = {
  deviceId: DEVICE,
  platform: 'android',
  appVersion: '3.2.1',
  startedAt: T,
  durationMs: 350,
  status: 'ok',
  errorCode: null,
  pushed: 1,
  pulled: 1,
  conflicts: 0,
  reads: 4,
  writes: 3,
  deletes: 0,
  bytesUp: 1500,
  bytesDown: 900,
};
const DEVICE_DOC = {
  name: 'Pixel at home',
  platform: 'android',
  model: 'Pixel 8',
  appVersion: '3.2.1',
  createdAt: T,
  lastSeenAt: T,
  lastSyncAt: T,
  lastSyncStatus: 'ok',
  pendingChanges: 0,
  revokedAt: null,
};
const SETTINGS = {
  enabled: true,
  collections: { journal: true, mood: true, profile: true },
  updatedAt: T,
  updatedBy: DEVICE,
};
const PROFILE = { displayName: 'Alex Rivera', photoURL: null, timezone: 'Europe/Berlin', createdAt: T, updatedAt: T };

export function bytesPerDocument(uid: string, payloadBytes: number): Record<keyof StorageCounts, number> {
  const at = (collection: string) => docPath(uid, collection, ID);
  const journal = journalFields(payloadBytes);
  return {
    // The two composite indexes on journal_entries (firestore.indexes.json): one entry, plus one per tag.
    journal_entries: storedDocumentBytes(at(JOURNAL_ENTRIES), journal, [
      ['deletedAt', 'createdAt', '__name__'],
      ['tags', 'deletedAt', 'createdAt', '__name__'],
    ]),
    mood_entries: storedDocumentBytes(at(MOOD_ENTRIES), moodFields(payloadBytes)),
    // A conflict holds the losing version whole, and Firestore indexes the subfields of that map too.
    conflicts: storedDocumentBytes(at(CONFLICTS), {
      collection: 'journal_entries',
      docId: ID,
      rev: REV,
      deviceId: DEVICE,
      data: journal,
      detectedAt: T,
      resolvedAt: null,
      resolution: null,
    }),
    sync_events: storedDocumentBytes(at(SYNC_EVENTS), SYNC_EVENT),
    devices: storedDocumentBytes(docPath(uid, DEVICES, DEVICE), DEVICE_DOC, [['platform', 'revokedAt']]),
    profile: storedDocumentBytes(userPath(uid), PROFILE),
    settings: storedDocumentBytes(syncSettingsPath(uid), SETTINGS),
  };
}

export function estimateUserStorage(uid: string, counts: StorageCounts, payloadBytes: number | null): StorageEstimate {
  const perDocument = bytesPerDocument(uid, payloadBytes ?? DEFAULT_PAYLOAD_BYTES);
  const byCollection = Object.fromEntries(
    Object.entries(counts).map(([name, count]) => [name, count * perDocument[name as keyof StorageCounts]]),
  ) as StorageEstimate['byCollection'];
  return { bytes: Object.values(byCollection).reduce((sum, bytes) => sum + bytes, 0), byCollection };
}
