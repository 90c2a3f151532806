// In a process of its own so that its peak RSS is its own. Prints one line: `BENCH_RESULT {json}`.
import { createWriteStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Timestamp } from 'firebase-admin/firestore';
import backfireModule from 'firestore-backfire';
import { backup } from 'firestore-export-import';
import { exportFileOf } from '@/lib/export/export-files';
import { COLLECTION_SPECS, EXPORT_TYPES } from '@/lib/export/export-types';
import { decodeValue } from '@/lib/export/typed-json';
import { writeExportArchive } from '@/lib/export/write-export-archive';
import { adminDb } from '@/lib/firebase/admin';
import { userCollection, userRef } from '@/lib/firebase/refs';
import { unzipLimited } from '@/lib/import/unzip-limited';
import { BENCH_MARKER, EXPORT_TOOLS, type ExportTool, type ExportWorkerResult } from './export-tools';

// CommonJS whose named exports Node cannot all detect: take them from the module object.
const { dataSourceFactory, exportFirestoreData, FirestoreDocument } = backfireModule;

const [tool, uid, outDir] = process.argv.slice(2) as [ExportTool, string, string];
if (!EXPORT_TOOLS.includes(tool) || !uid || !outDir)
  throw new Error(`usage: export-worker <${EXPORT_TOOLS.join('|')}> <uid> <out-dir>`);

const db = adminDb();
const user = userRef({ uid });
// The contract's collections wellsync exports, not the portal's derived views beside them.
const collections = COLLECTION_SPECS.flatMap((spec) =>
  spec.collection ? [userCollection({ uid }, spec.collection)] : [],
);
const markerPath = `${user.path}/journal_entries/${BENCH_MARKER.id}`;
const expected = new Timestamp(BENCH_MARKER.seconds, BENCH_MARKER.nanoseconds);

type Run = { documents: number; bytes: number; readMarker: () => Promise<unknown> };

async function raw(): Promise<Run> {
  let documents = (await user.get()).exists ? 1 : 0;
  for (const collection of collections) {
    for await (const _doc of collection.stream()) documents += 1;
  }
  return { documents, bytes: 0, readMarker: async () => null };
}

async function wellsync(): Promise<Run> {
  const file = path.join(outDir, 'wellsync.zip');
  const counts = await writeExportArchive(
    { uid },
    { types: [...EXPORT_TYPES], from: null, to: null, includeTombstones: true, timeZone: 'UTC' },
    createWriteStream(file),
    { account: { uid, email: null, createdAt: null, lastSignInAt: null } },
  );
  return {
    documents: Object.values(counts).reduce((a, b) => a + b, 0),
    bytes: (await stat(file)).size,
    // Read back as wellsync's own import reads it.
    readMarker: async () => {
      const json = (await unzipLimited(await readFile(file), (name) => name === 'wellsync-export.json')).get(
        'wellsync-export.json',
      )!;
      const parsed = JSON.parse(json.toString('utf8')) as Record<
        string,
        { id: string; data: { updatedAt: unknown } }[]
      >;
      const marker = parsed[exportFileOf('journal').jsonKey]!.find((entry) => entry.id === BENCH_MARKER.id)?.data
        .updatedAt;
      return marker === undefined ? null : decodeValue(marker, db);
    },
  };
}

/** Per collection with `includeSubcollections: false`: `backupFromDoc` times out on 11,000 documents. */
async function firestoreExportImport(): Promise<Run> {
  const file = path.join(outDir, 'firestore-export-import.json');
  const backedUp: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const collection of collections)
    Object.assign(backedUp, await backup<typeof backedUp>(db, collection.path, { includeSubcollections: false }));
  const data = { users: { [uid]: { ...(await user.get()).data(), subCollection: backedUp } } };
  const text = JSON.stringify(data);
  await writeFile(file, text);
  return {
    documents: 1 + Object.values(backedUp).reduce((n, docs) => n + Object.keys(docs).length, 0),
    bytes: Buffer.byteLength(text),
    // Its output is plain JSON: read back, a timestamp is whatever JSON.parse makes of it.
    readMarker: async () =>
      (JSON.parse(await readFile(file, 'utf8')) as typeof data).users[uid]?.subCollection[
        `users/${uid}/journal_entries`
      ]?.[BENCH_MARKER.id]?.updatedAt,
  };
}

async function backfire(): Promise<Run> {
  const file = path.join(outDir, 'backfire.ndjson');
  const writer = await dataSourceFactory.createWriter(file, {});
  const escaped = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = [
    new RegExp(`^${escaped(user.path)}$`),
    ...collections.map((c) => new RegExp(`^${escaped(c.path)}/[^/]+$`)),
  ];
  await exportFirestoreData(db as never, writer, { paths: [user.path], match, overwrite: true, quiet: true } as never);
  const text = await readFile(file, 'utf8');
  const lines = text.split('\n').filter(Boolean);
  return {
    documents: lines.length,
    bytes: Buffer.byteLength(text),
    // Read back with backfire's own deserializer, as its import does.
    readMarker: async () => {
      const line = lines.map((l) => JSON.parse(l) as { path: string }).find((doc) => doc.path === markerPath);
      return line
        ? (FirestoreDocument.deserialize(line, db as never).data as Record<string, unknown>).updatedAt
        : undefined;
    },
  };
}

const runs: Record<ExportTool, () => Promise<Run>> = {
  raw,
  wellsync,
  'firestore-export-import': firestoreExportImport,
  'firestore-backfire': backfire,
};
const rssBefore = process.memoryUsage.rss();
const started = performance.now();
const run = await runs[tool]();
const ms = performance.now() - started;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
const marker = (await run.readMarker()) as
  { seconds?: number; nanoseconds?: number; _seconds?: number; _nanoseconds?: number } | null | undefined;
// A Timestamp of any copy of the Firestore SDK counts as typed; a plain object with the same fields does not.
const typed = marker instanceof Timestamp || marker?.constructor?.name === 'Timestamp';
const exact =
  (marker?.seconds ?? marker?._seconds) === expected.seconds &&
  (marker?.nanoseconds ?? marker?._nanoseconds) === expected.nanoseconds;
const result: ExportWorkerResult = {
  tool,
  ms,
  documents: run.documents,
  bytes: run.bytes,
  maxRssMb,
  rssGrowthMb: maxRssMb - rssBefore / 2 ** 20,
  timestamps: tool === 'raw' ? null : { typed, exact },
};
process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
process.exit(0);
