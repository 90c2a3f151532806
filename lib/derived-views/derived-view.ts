import 'server-only';
import { randomUUID } from 'node:crypto';
import { FieldPath, Timestamp, type DocumentData, type DocumentSnapshot, type Query } from 'firebase-admin/firestore';
import pLimit from 'p-limit';
import { cache as perRequest } from 'react';
import type { UserScope } from '@/lib/auth/scope';
import type { EntryCollection } from '@/lib/contract/paths';
import { adminApp, adminDb } from '@/lib/firebase/admin';
import { readDoc, readDocs, runQuery } from '@/lib/firebase/metered';
import { userCollection } from '@/lib/firebase/refs';
import { firestoreCode } from '@/lib/errors/firestore-code';
import { ChunkCache } from './chunk-cache';

// Why: docs/architecture.md, "Derived views". Chunks are immutable; the meta document is the commit point.
export type DerivedViewSpec<R> = {
  name: string;
  version: number;
  collection: EntryCollection;
  /** The record kept for one source document, or null to leave it out (tombstoned or malformed). */
  toRecord(data: DocumentData, id: string, path: string): R | null;
};

type ChunkRef = { id: string; count: number; bytes: number };
type Cursor = { syncedAt: Timestamp; id: string };
/** `built`: the view exists at this version (its cursor is null too when the collection has never had a document). */
type Meta = { built: boolean; version: number; cursor: Cursor | null; chunks: ChunkRef[]; staleChunkIds: string[] };
type Chunk<R> = { ref: ChunkRef; records: Map<string, R>; dirty: boolean };

export const DERIVED_VIEWS = 'derived_views';
/** Well under Firestore's 1 MiB document limit, leaving room for field names and encoding overhead. */
const CHUNK_BUDGET_BYTES = 600_000;
const PAGE_SIZE = 1000;
const cache = new ChunkCache(64 * 1024 * 1024);
/** Same ids, same records: returning the same Map lets callers memoize by identity. Read-only. */
const merged = new ChunkCache(32 * 1024 * 1024);

/** A crowd of first builds would queue every other read behind them (bench warm-up: reads passed 10 s). */
const rebuilds = pLimit(8);

/**
 * The view, brought up to date. Within one server render, every caller asking for the same view of the same
 * scope shares one refresh (the journal page's tag list and its search read the same view).
 * The Map returned is shared and must not be changed.
 */
export const readDerivedView: <R>(scope: UserScope, spec: DerivedViewSpec<R>) => Promise<ReadonlyMap<string, R>> =
  perRequest(readFreshView);

async function readFreshView<R>(scope: UserScope, spec: DerivedViewSpec<R>): Promise<ReadonlyMap<string, R>> {
  const metaSnapshot = await readDoc(metaRefOf(scope, spec));
  return parseMeta(metaSnapshot, spec.version).built
    ? refreshView(scope, spec, metaSnapshot)
    : rebuilds(() => refreshView(scope, spec));
}

const metaRefOf = (scope: UserScope, spec: DerivedViewSpec<unknown>) =>
  userCollection(scope, DERIVED_VIEWS).doc(spec.name);

async function refreshView<R>(
  scope: UserScope,
  spec: DerivedViewSpec<R>,
  known?: DocumentSnapshot,
): Promise<ReadonlyMap<string, R>> {
  const metaRef = metaRefOf(scope, spec);
  let chunks: Chunk<R>[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const metaSnapshot = attempt === 0 && known ? known : await readDoc(metaRef);
    const meta = parseMeta(metaSnapshot, spec.version);
    // The chunks and the change query do not depend on each other: one round trip instead of two in a row.
    const [loaded, changes] = await Promise.all([
      loadChunks<R>(metaRef.path, meta.chunks),
      readChanges(userCollection(scope, spec.collection), meta.cursor),
    ]);
    if (changes.length === 0 && metaSnapshot.exists && meta.staleChunkIds.length === 0)
      return mergedView(metaRef.path, meta.chunks, loaded);

    chunks = loaded.map((records, i) => ({ ref: meta.chunks[i]!, records: new Map(records), dirty: false }));
    const cursor = applyChanges(spec, chunks, changes) ?? meta.cursor;
    if (
      await commit(metaRef.path, metaSnapshot, {
        version: spec.version,
        cursor,
        chunks,
        staleChunkIds: meta.staleChunkIds,
      })
    ) {
      // Registered as the view of the meta just committed, so the next unchanged read returns this same Map.
      const kept = chunks.filter((chunk) => chunk.records.size > 0);
      return mergedView(
        metaRef.path,
        kept.map((chunk) => chunk.ref),
        kept.map((chunk) => chunk.records),
      );
    }
    // Another request refreshed the view first: start again from its result.
  }
  // Lost three races in a row: serve what was computed, without saving it.
  return mergeChunks(chunks);
}

/** Forgets a view, so the next read rebuilds it. Needed after server-side hard deletes, which no cursor sees. */
export async function resetDerivedView(scope: UserScope, name: string): Promise<void> {
  await adminDb().recursiveDelete(userCollection(scope, DERIVED_VIEWS).doc(name));
}

function parseMeta(snapshot: DocumentSnapshot, version: number): Meta {
  const data = snapshot.data();
  if (!data || data.version !== version || !Array.isArray(data.chunks)) {
    const stale = Array.isArray(data?.chunks) ? (data.chunks as ChunkRef[]).map((chunk) => chunk.id) : [];
    return { built: false, version, cursor: null, chunks: [], staleChunkIds: stale };
  }
  const cursor = data.cursor as { syncedAt?: unknown; id?: unknown } | null;
  return {
    built: true,
    version,
    cursor:
      cursor && cursor.syncedAt instanceof Timestamp && typeof cursor.id === 'string'
        ? { syncedAt: cursor.syncedAt, id: cursor.id }
        : null,
    chunks: data.chunks as ChunkRef[],
    staleChunkIds: [],
  };
}

const chunkKey = (metaPath: string, chunkId: string) => `${adminApp().name}/${metaPath}/${chunkId}`;

async function loadChunks<R>(metaPath: string, refs: ChunkRef[]): Promise<ReadonlyMap<string, R>[]> {
  const keyOf = (ref: ChunkRef) => chunkKey(metaPath, ref.id);
  const found = new Map<string, Map<string, unknown>>();
  const missing: ChunkRef[] = [];
  for (const ref of refs) {
    const cached = cache.get(keyOf(ref));
    if (cached) found.set(ref.id, cached);
    else missing.push(ref);
  }
  const snapshots = await readDocs(
    adminDb(),
    missing.map((ref) => adminDb().doc(`${metaPath}/chunks/${ref.id}`)),
  );
  snapshots.forEach((snapshot, i) => {
    const ref = missing[i]!;
    const records = new Map(Object.entries((snapshot.get('records') as Record<string, unknown> | undefined) ?? {}));
    cache.set(keyOf(ref), records, ref.bytes);
    found.set(ref.id, records);
  });
  return refs.map((ref) => found.get(ref.id) as ReadonlyMap<string, R>);
}

function mergedView<R>(metaPath: string, refs: ChunkRef[], chunks: ReadonlyMap<string, R>[]): ReadonlyMap<string, R> {
  const key = `${adminApp().name}/${metaPath}@${refs.map((ref) => ref.id).join(',')}`;
  const known = merged.get(key);
  if (known) return known as ReadonlyMap<string, R>;
  const all = new Map<string, R>();
  for (const chunk of chunks) for (const [id, record] of chunk) all.set(id, record);
  // Counted at the chunks' size: the Map keeps their records alive after the chunk cache lets them go.
  merged.set(
    key,
    all,
    refs.reduce((bytes, ref) => bytes + ref.bytes, 0),
  );
  return all;
}

async function readChanges(
  collection: FirebaseFirestore.CollectionReference,
  cursor: Cursor | null,
): Promise<DocumentSnapshot[]> {
  const changes: DocumentSnapshot[] = [];
  let after = cursor;
  for (;;) {
    let query: Query = collection.orderBy('syncedAt').orderBy(FieldPath.documentId()).limit(PAGE_SIZE);
    if (after) query = query.startAfter(after.syncedAt, after.id);
    const page = await runQuery(query);
    changes.push(...page.docs);
    const last = page.docs.at(-1);
    if (page.size < PAGE_SIZE || !last) return changes;
    after = { syncedAt: last.get('syncedAt') as Timestamp, id: last.id };
  }
}

function applyChanges<R>(spec: DerivedViewSpec<R>, chunks: Chunk<R>[], changes: DocumentSnapshot[]): Cursor | null {
  const home = new Map<string, Chunk<R>>();
  for (const chunk of chunks) for (const id of chunk.records.keys()) home.set(id, chunk);

  for (const doc of changes) {
    const previous = home.get(doc.id);
    if (previous) {
      previous.records.delete(doc.id);
      previous.dirty = true;
      home.delete(doc.id);
    }
    const record = safeRecord(spec, doc);
    if (record === null) continue;
    const size = recordBytes(doc.id, record);
    let target =
      previous && previous.ref.bytes + size <= CHUNK_BUDGET_BYTES
        ? previous
        : chunks.find((c) => c.ref.bytes + size <= CHUNK_BUDGET_BYTES);
    if (!target) {
      target = { ref: { id: '', count: 0, bytes: 0 }, records: new Map(), dirty: true };
      chunks.push(target);
    }
    target.records.set(doc.id, record);
    target.ref = { ...target.ref, bytes: target.ref.bytes + size };
    target.dirty = true;
    home.set(doc.id, target);
  }
  for (const chunk of chunks) {
    if (!chunk.dirty) continue;
    let bytes = 0;
    for (const [id, record] of chunk.records) bytes += recordBytes(id, record);
    chunk.ref = { id: chunk.ref.id, count: chunk.records.size, bytes };
  }
  const last = changes.at(-1);
  return last ? { syncedAt: last.get('syncedAt') as Timestamp, id: last.id } : null;
}

function safeRecord<R>(spec: DerivedViewSpec<R>, doc: DocumentSnapshot): R | null {
  try {
    return spec.toRecord(doc.data() ?? {}, doc.id, doc.ref.path);
  } catch (error) {
    console.warn(`[derived-views] ${spec.name}: skipped ${doc.ref.path}: ${(error as Error).message}`);
    return null;
  }
}

function recordBytes(id: string, record: unknown): number {
  return id.length + JSON.stringify(record).length + 16;
}

/** A reader follows only the meta document, so it sees the old view or the new one, never a mix. */
type Update<R> = { version: number; cursor: Cursor | null; chunks: Chunk<R>[]; staleChunkIds: string[] };

async function commit<R>(
  metaPath: string,
  metaSnapshot: DocumentSnapshot,
  { version, cursor, chunks, staleChunkIds }: Update<R>,
): Promise<boolean> {
  const db = adminDb();
  const kept = chunks.filter((chunk) => chunk.records.size > 0);
  const superseded = [
    ...staleChunkIds,
    ...chunks.filter((chunk) => chunk.dirty && chunk.ref.id).map((chunk) => chunk.ref.id),
  ];
  const written: string[] = [];
  for (const chunk of kept.filter((c) => c.dirty)) {
    const id = randomUUID();
    await db.doc(`${metaPath}/chunks/${id}`).set({ records: Object.fromEntries(chunk.records) });
    cache.set(chunkKey(metaPath, id), new Map(chunk.records), chunk.ref.bytes);
    chunk.ref = { ...chunk.ref, id };
    chunk.dirty = false;
    written.push(id);
  }
  const meta = { version, cursor, chunks: kept.map((chunk) => chunk.ref), updatedAt: Timestamp.now() };
  try {
    if (metaSnapshot.exists) await db.doc(metaPath).update(meta, { lastUpdateTime: metaSnapshot.updateTime! });
    else await db.doc(metaPath).create(meta);
  } catch (error) {
    const code = firestoreCode(error);
    // Somebody else committed first.
    if (code !== 'already-exists' && code !== 'failed-precondition') throw error;
    await deleteChunks(metaPath, written);
    return false;
  }
  await deleteChunks(metaPath, superseded);
  return true;
}

async function deleteChunks(metaPath: string, ids: string[]) {
  await Promise.all(
    ids.map((id) =>
      adminDb()
        .doc(`${metaPath}/chunks/${id}`)
        .delete()
        .catch(() => undefined),
    ),
  );
}

function mergeChunks<R>(chunks: Chunk<R>[]): Map<string, R> {
  const all = new Map<string, R>();
  for (const chunk of chunks) for (const [id, record] of chunk.records) all.set(id, record);
  return all;
}
