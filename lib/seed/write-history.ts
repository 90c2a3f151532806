import 'server-only';
import { FieldValue, Timestamp, type BulkWriter, type DocumentData } from 'firebase-admin/firestore';
import type { z } from 'zod';
import { DEVICES, JOURNAL_ENTRIES, MOOD_ENTRIES, SYNC_EVENTS } from '@/lib/contract/paths';
import { ZDevice, ZJournalEntry, ZMoodEntry, ZSyncEvent, ZSyncSettings, ZUserProfile } from '@/lib/contract/schemas';
import { adminAuth, adminDb } from '@/lib/firebase/admin';
import { syncSettingsRef, userCollection, userRef } from '@/lib/firebase/refs';
import type { UserHistory } from './generate-history';
import type { PlannedSyncEvent } from './generate-telemetry';

const ts = (ms: number) => Timestamp.fromMillis(ms);

function protocolFields(entry: {
  updatedAtMs: number;
  deletedAtMs: number | null;
  rev: string;
  baseRev: string | null;
  deviceId: string;
}) {
  return {
    updatedAt: ts(entry.updatedAtMs),
    deletedAt: entry.deletedAtMs === null ? null : ts(entry.deletedAtMs),
    rev: entry.rev,
    baseRev: entry.baseRev,
    deviceId: entry.deviceId,
  };
}

/** Checks a document against its contract schema before it is written; syncedAt is the server's to set. */
export function contractDoc<S extends z.ZodObject>(
  schema: S,
  data: DocumentData,
  serverSyncedAt = false,
): DocumentData {
  const checked = schema.strict().parse(serverSyncedAt ? { ...data, syncedAt: Timestamp.now() } : data) as DocumentData;
  return serverSyncedAt ? { ...checked, syncedAt: FieldValue.serverTimestamp() } : checked;
}

export async function ensureAuthUser(history: Pick<UserHistory, 'account'>): Promise<void> {
  const { account } = history;
  const auth = adminAuth();
  try {
    await auth.updateUser(account.uid, {
      email: account.email,
      password: account.password,
      displayName: account.displayName,
    });
  } catch (error) {
    if ((error as { code?: string }).code !== 'auth/user-not-found') throw error;
    await auth.createUser({
      uid: account.uid,
      email: account.email,
      password: account.password,
      displayName: account.displayName,
      emailVerified: true,
    });
  }
  await auth.setCustomUserClaims(account.uid, account.role === 'admin' ? { admin: true } : null);
}

export function countWrites(history: UserHistory, telemetry: PlannedSyncEvent[]): number {
  return 2 + history.devices.length + history.journal.length + history.moods.length + telemetry.length;
}

export function queueHistory(
  writer: BulkWriter,
  history: UserHistory,
  telemetry: PlannedSyncEvent[],
  onWrite: () => void,
): Promise<unknown>[] {
  const scope = { uid: history.account.uid };
  const firstDevice = history.devices[0]?.id ?? 'seed';
  const lastSync = new Map<string, PlannedSyncEvent>();
  for (const event of telemetry) {
    const previous = lastSync.get(event.deviceId);
    if (!previous || previous.startedAtMs < event.startedAtMs) lastSync.set(event.deviceId, event);
  }
  const writes: [FirebaseFirestore.DocumentReference, DocumentData][] = [
    [
      userRef(scope),
      contractDoc(ZUserProfile, {
        displayName: history.account.displayName,
        photoURL: null,
        timezone: history.account.timezone,
        createdAt: ts(history.createdAtMs),
        updatedAt: ts(history.createdAtMs),
      }),
    ],
    [
      syncSettingsRef(scope),
      contractDoc(ZSyncSettings, {
        enabled: true,
        collections: { journal: true, mood: true, profile: true },
        updatedAt: ts(history.createdAtMs),
        updatedBy: firstDevice,
      }),
    ],
  ];
  for (const device of history.devices) {
    const last = lastSync.get(device.id);
    const lastMs = last ? last.startedAtMs + last.durationMs : device.createdAtMs;
    writes.push([
      userCollection(scope, DEVICES).doc(device.id),
      contractDoc(ZDevice, {
        name: device.name,
        platform: device.platform,
        model: device.model,
        appVersion: device.appVersion,
        createdAt: ts(device.createdAtMs),
        lastSeenAt: ts(lastMs),
        lastSyncAt: last ? ts(lastMs) : null,
        lastSyncStatus: last ? last.status : null,
        pendingChanges: last?.status === 'error' ? 1 : 0,
        revokedAt: null,
      }),
    ]);
  }
  for (const entry of history.journal) {
    writes.push([
      userCollection(scope, JOURNAL_ENTRIES).doc(entry.id),
      contractDoc(
        ZJournalEntry,
        {
          title: entry.title,
          body: entry.body,
          tags: entry.tags,
          mood: entry.mood,
          createdAt: ts(entry.createdAtMs),
          ...protocolFields(entry),
        },
        true,
      ),
    ]);
  }
  for (const entry of history.moods) {
    writes.push([
      userCollection(scope, MOOD_ENTRIES).doc(entry.id),
      contractDoc(
        ZMoodEntry,
        {
          score: entry.score,
          emotions: entry.emotions,
          activities: entry.activities,
          note: entry.note,
          recordedAt: ts(entry.recordedAtMs),
          ...protocolFields(entry),
        },
        true,
      ),
    ]);
  }
  for (const event of telemetry) {
    const { id, startedAtMs, ...rest } = event;
    writes.push([
      userCollection(scope, SYNC_EVENTS).doc(id),
      contractDoc(ZSyncEvent, { ...rest, startedAt: ts(startedAtMs) }),
    ]);
  }
  return writes.map(([ref, data]) => writer.set(ref, data).then(onWrite));
}

export async function deleteUserData(uid: string): Promise<void> {
  await adminDb().recursiveDelete(userRef({ uid }));
  await adminAuth()
    .deleteUser(uid)
    .catch((error: { code?: string }) => {
      if (error.code !== 'auth/user-not-found') throw error;
    });
}
