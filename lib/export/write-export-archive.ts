import 'server-only';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import archiver from 'archiver';
import { stringify } from 'csv-stringify/sync';
import type { WriteStream } from 'node:fs';
import { Timestamp } from 'firebase-admin/firestore';
import type { UserScope } from '@/lib/auth/scope';
import { APP_VERSION } from '@/lib/config/app-version';
import { readDoc } from '@/lib/firebase/metered';
import { userRef } from '@/lib/firebase/refs';
import { withDeadline } from '@/lib/firebase/with-deadline';
import { endOfDay, startOfDay } from '@/lib/time/zoned';
import type { CsvCell } from '@/lib/csv/spreadsheet-safe';
import { csvRow, exportFileOf, type ExportFile } from './export-files';
import { EXPORT_FORMAT, exportReadme } from './export-readme';
import { COLLECTION_SPECS, type CollectionSpec, type ExportScope, type ExportType } from './export-types';
import { countUserCollection, pageUserCollection, startEarly, type PageOptions } from './page-user-collection';
import { encodeFields, encodeValue } from './typed-json';

/** `npm run bench`: 100,000 documents grew the process ~100 MB at 250, ~170 MB at 1,000, same speed. */
const BATCH = 250;

export type ExportAccount = {
  uid: string;
  email: string | null;
  createdAt: string | null;
  lastSignInAt: string | null;
};
export type ExportCounts = Partial<Record<ExportType, number>>;
export type ArchiveOptions = {
  account: ExportAccount;
  onProgress?: (done: number, total: number) => Promise<void> | void;
};

/** Bounded memory: CSV rows spool to temp files added after the JSON, since a ZIP holds one file after another. */
export async function writeExportArchive(
  scope: UserScope,
  exportScope: ExportScope,
  sink: Writable,
  options: ArchiveOptions,
): Promise<ExportCounts> {
  const specs = COLLECTION_SPECS.filter((spec) => exportScope.types.includes(spec.type));
  const range: Omit<PageOptions, 'dateField'> = {
    fromMs: exportScope.from ? startOfDay(exportScope.from, exportScope.timeZone) : null,
    toMs: exportScope.to ? endOfDay(exportScope.to, exportScope.timeZone) : null,
  };
  // Counting (for the progress bar) runs alongside the first pages rather than before them: on a large export the
  // counts cost as much as reading a few thousand documents.
  const counting = Promise.all(
    specs.map((spec) =>
      spec.collection
        ? countUserCollection(scope, spec.collection, { ...range, dateField: spec.dateField })
        : Promise.resolve(1),
    ),
  ).then((totals) => totals.reduce((a, b) => a + b, 0));
  counting.catch(() => undefined);
  let done = 0;

  const workDir = await mkdtemp(path.join(tmpdir(), 'wellsync-export-'));
  const archive = archiver('zip', { zlib: { level: 6 } });
  const sinkFinished = once(sink, 'finish');
  // The sink's own errors (a failed chunk save) must end the archive too.
  sink.once('error', (error) => archive.destroy(error));
  archive.pipe(sink);
  const json = new PassThrough();
  archive.append(json, { name: 'wellsync-export.json' });
  const archiveFailed = new Promise<never>((_, reject) => archive.once('error', reject));
  archiveFailed.catch(() => undefined);
  const write = (text: string) => writeWithBackpressure(json, text, archiveFailed);
  const counts: ExportCounts = {};
  const exportedAt = Timestamp.now();

  try {
    await write(
      `{\n"format": ${JSON.stringify(EXPORT_FORMAT)},\n"exportedAt": ${JSON.stringify(encodeValue(exportedAt))},\n"app": ${JSON.stringify({ name: 'wellsync', version: APP_VERSION })},\n` +
        `"account": ${JSON.stringify(options.account)},\n"scope": ${JSON.stringify(exportScope)}`,
    );
    const csvFiles: { file: ExportFile; path: string }[] = [];
    // Each collection's first page is requested while the one before it is encoded, so reading and encoding overlap.
    const pagesOf = (spec: CollectionSpec | undefined) =>
      spec?.collection
        ? startEarly(
            pageUserCollection(scope, spec.collection, { ...range, dateField: spec.dateField, pageSize: BATCH }),
          )
        : null;
    let upcoming = pagesOf(specs[0]);
    for (const [index, spec] of specs.entries()) {
      const pages = upcoming;
      upcoming = pagesOf(specs[index + 1]);
      const file = exportFileOf(spec.type);
      const csvPath = path.join(workDir, file.csv);
      const csv = openCsv(file, csvPath);
      csvFiles.push({ file, path: csvPath });
      let count = 0;
      if (!pages) {
        const profile = await withDeadline(readDoc(userRef(scope)), 'reading your profile');
        const data = profile.data();
        await write(`,\n"profile": ${data ? JSON.stringify(encodeFields(data)) : 'null'}`);
        if (data) {
          await csv.write([csvRow(file, profile.id, data)]);
          count = 1;
        }
        done += 1;
      } else {
        await write(`,\n${JSON.stringify(file.jsonKey)}: [`);
        for await (const page of pages) {
          // One write per page into the ZIP: per-document writes cost more than the encoding itself.
          let text = '';
          const rows: CsvCell[][] = [];
          for (const doc of page) {
            const data = doc.data();
            if (spec.tombstones && !exportScope.includeTombstones && data.deletedAt != null) continue;
            text += `${count === 0 ? '\n' : ',\n'}${JSON.stringify({ id: doc.id, data: encodeFields(data) })}`;
            rows.push(csvRow(file, doc.id, data));
            count += 1;
          }
          await write(text);
          await csv.write(rows);
          done += page.length;
          await options.onProgress?.(done, await counting);
        }
        await write(count === 0 ? ']' : '\n]');
      }
      await csv.close();
      counts[spec.type] = count;
    }
    await write(`,\n"counts": ${JSON.stringify(counts)}\n}\n`);
    json.end();
    for (const csv of csvFiles) archive.append(createReadStream(csv.path), { name: csv.file.csv });
    archive.append(exportReadme(exportScope, counts, new Date(exportedAt.toMillis()).toISOString()), {
      name: 'README.md',
    });
    await Promise.race([archive.finalize(), archiveFailed]);
    await Promise.race([sinkFinished, archiveFailed]);
    const total = await counting;
    await options.onProgress?.(total, total);
    return counts;
  } catch (error) {
    json.destroy();
    archive.abort();
    throw error;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

type CsvFile = { write(rows: CsvCell[][]): Promise<void>; close(): Promise<void> };

function openCsv(file: ExportFile, csvPath: string): CsvFile {
  const out: WriteStream = createWriteStream(csvPath);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  const options = {
    columns: file.columns.map((c) => c.name),
    cast: { boolean: (b: boolean) => (b ? 'true' : 'false') },
  };
  // A byte-order mark makes spreadsheet programs read the file as UTF-8 (accents and emoji intact).
  out.write(stringify([], { ...options, header: true, bom: true }));
  return {
    async write(rows) {
      if (rows.length > 0 && !out.write(stringify(rows, options))) await Promise.race([once(out, 'drain'), failed]);
    },
    async close() {
      out.end();
      await Promise.race([once(out, 'close'), failed]);
    },
  };
}

async function writeWithBackpressure(stream: PassThrough, text: string, failed: Promise<never>) {
  if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
}
