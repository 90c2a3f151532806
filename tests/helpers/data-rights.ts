import { randomUUID } from 'node:crypto';
import { Timestamp, type DocumentReference } from 'firebase-admin/firestore';
import type { NextRequest } from 'next/server';
import { encodeFields } from '@/lib/export/typed-json';
import { adminDb } from '@/lib/firebase/admin';
import { userRef } from '@/lib/firebase/refs';
import { unzipLimited } from '@/lib/import/unzip-limited';
import { routeContext } from './users';

/** A timestamp with microseconds, as Firestore keeps it. */
export const micros = (seconds: number, micro: number) => new Timestamp(seconds, micro * 1000);

export type SeededDocs = Record<string, Record<string, unknown>>;

/** A user's documents by path relative to users/{uid}, written in one batch. */
export function richUserDocs(seed = 1): SeededDocs {
  const t = (offset: number) => micros(1_760_000_000 + seed * 1000 + offset, 123_456 + offset);
  const rev = (ms: number, device = 'ios-a1') => `${String(1_760_000_000_000 + ms).padStart(13, '0')}:0000:${device}`;
  const journal = (over: Record<string, unknown>) => ({
    title: 'T',
    body: '',
    tags: [],
    mood: null,
    createdAt: t(1),
    updatedAt: t(2),
    deletedAt: null,
    rev: rev(1),
    baseRev: null,
    deviceId: 'ios-a1',
    syncedAt: t(3),
    ...over,
  });
  return {
    '': { displayName: 'Zoë 🌿 Ünïcode', photoURL: null, timezone: 'Europe/Berlin', createdAt: t(0), updatedAt: t(1) },
    'settings/sync': {
      enabled: true,
      collections: { journal: true, mood: true, profile: false },
      updatedAt: t(5),
      updatedBy: 'ios-a1',
    },
    'devices/ios-a1': {
      name: 'iPhone',
      platform: 'ios',
      model: 'iPhone 15',
      appVersion: '3.2.1',
      createdAt: t(0),
      lastSeenAt: t(9),
      lastSyncAt: t(9),
      lastSyncStatus: 'ok',
      pendingChanges: 0,
      revokedAt: null,
    },
    'journal_entries/j-1': journal({
      title: 'Café ☕, "quotes", commas',
      body: '# Heading\n\n- list\n- 😀 emoji\n\n=SUM(A1)\n'.repeat(3),
      tags: ['walk', 'naïve'],
      mood: 4.5,
    }),
    'journal_entries/j-2': journal({ title: '', body: '', tags: [], deletedAt: t(7), rev: rev(7), baseRev: rev(1) }),
    'journal_entries/j-3': journal({
      title: '=HYPERLINK("x")',
      body: '日本語のテキスト',
      tags: ['😀'],
      createdAt: t(20),
    }),
    'mood_entries/m-1': {
      score: 3,
      emotions: ['calm', 'tired'],
      activities: [],
      note: 'line1\nline2, "q"',
      recordedAt: t(4),
      updatedAt: t(4),
      deletedAt: null,
      rev: rev(4),
      baseRev: null,
      deviceId: 'android-b2',
      syncedAt: t(5),
    },
    'conflicts/c-1': {
      collection: 'journal_entries',
      docId: 'j-1',
      rev: rev(0, 'android-b2'),
      deviceId: 'android-b2',
      data: { ...journal({ title: 'Lost version' }), rev: rev(0, 'android-b2') },
      detectedAt: t(6),
      resolvedAt: null,
      resolution: null,
    },
    'sync_events/e-1': {
      deviceId: 'ios-a1',
      platform: 'ios',
      appVersion: '3.2.1',
      startedAt: t(8),
      durationMs: 412,
      status: 'ok',
      errorCode: null,
      pushed: 2,
      pulled: 1,
      conflicts: 0,
      reads: 3,
      writes: 2,
      deletes: 0,
      bytesUp: 900,
      bytesDown: 300,
    },
  };
}

export async function writeUserDocs(uid: string, docs: SeededDocs): Promise<void> {
  const entries = Object.entries(docs);
  for (let i = 0; i < entries.length; i += 400) {
    const batch = adminDb().batch();
    for (const [path, data] of entries.slice(i, i + 400))
      batch.set(
        path ? userRef({ uid }).collection(path.split('/')[0]!).doc(path.split('/')[1]!) : userRef({ uid }),
        data,
      );
    await batch.commit();
  }
}

/** Every document under users/{uid} (any depth), typed-encoded, keyed by path relative to the user. */
export async function snapshotUserTree(
  uid: string,
  skip: (relative: string) => boolean = () => false,
): Promise<Record<string, unknown>> {
  const root = userRef({ uid });
  const out: Record<string, unknown> = {};
  const visit = async (ref: DocumentReference) => {
    const relative = ref.path === root.path ? '' : ref.path.slice(root.path.length + 1);
    if (skip(relative)) return;
    const snapshot = await ref.get();
    if (snapshot.exists) out[relative] = encodeFields(snapshot.data()!);
    for (const collection of await ref.listCollections()) {
      for (const doc of await collection.listDocuments()) await visit(doc);
    }
  };
  await visit(root);
  return out;
}

export async function unzipAll(zip: Buffer): Promise<Map<string, Buffer>> {
  return unzipLimited(zip, () => true);
}

/** Polls a job route until its status leaves `running`. */
export async function waitForJob(
  get: (req: NextRequest, ctx: ReturnType<typeof routeContext>) => Promise<Response>,
  makeRequest: () => NextRequest,
  jobId: string,
  timeoutMs = 60_000,
): Promise<{ status: string; [key: string]: unknown }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const response = await get(makeRequest(), routeContext({ jobId }));
    const { job } = (await response.json()) as { job: { status: string } };
    if (job.status !== 'running' && job.status !== 'applying' && job.status !== 'validating') return job;
    if (Date.now() > until) throw new Error(`job ${jobId} still ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const newUid = () => `t-${randomUUID().slice(0, 18)}`;
