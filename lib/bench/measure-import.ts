import 'server-only';
import { Writable } from 'node:stream';
import { EXPORT_TYPES } from '@/lib/export/export-types';
import { writeExportArchive } from '@/lib/export/write-export-archive';
import { applyImportPlan } from '@/lib/import/apply-import-plan';
import { parseImportFile } from '@/lib/import/parse-import-file';
import { deleteUserData } from '@/lib/seed/write-history';
import { summarize, type Summary } from './summarize-samples';

export type ImportBench = {
  documents: number;
  zipBytes: number;
  parseSeconds: Summary;
  applySeconds: Summary;
  docsPerSecond: Summary;
  reimportSeconds: Summary;
};

/** Applied into a fresh account each round, then again: the second must change nothing. */
export async function measureImport(sourceUid: string, rounds: number): Promise<ImportBench> {
  const chunks: Buffer[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk), done()) });
  await writeExportArchive(
    { uid: sourceUid },
    { types: [...EXPORT_TYPES], from: null, to: null, includeTombstones: true, timeZone: 'UTC' },
    sink,
    { account: { uid: sourceUid, email: null, createdAt: null, lastSignInAt: null } },
  );
  const zip = Buffer.concat(chunks);

  const parse: number[] = [];
  const apply: number[] = [];
  const rates: number[] = [];
  const reimport: number[] = [];
  let documents = 0;
  for (let round = 0; round < rounds; round++) {
    const target = { uid: `bench-import-${round}-${Date.now()}` };
    let started = performance.now();
    const plan = await parseImportFile(zip, 'UTC');
    parse.push((performance.now() - started) / 1000);
    documents = plan.docs.length + plan.entries.length;
    started = performance.now();
    await applyImportPlan(target, plan, { done: 0, counts: {} }, async () => {});
    apply.push((performance.now() - started) / 1000);
    rates.push(documents / (parse.at(-1)! + apply.at(-1)!));
    started = performance.now();
    const again = await applyImportPlan(target, plan, { done: 0, counts: {} }, async () => {});
    reimport.push((performance.now() - started) / 1000);
    const changed = Object.values(again.counts).reduce((n, c) => n + c.new + c.updated + c.conflicting, 0);
    if (changed > 0) throw new Error(`importing the same file twice changed ${changed} documents`);
    // Removed again, so that what is measured next does not pay the emulator's scan of 11,000 more documents.
    await deleteUserData(target.uid);
  }
  return {
    documents,
    zipBytes: zip.length,
    parseSeconds: summarize(parse),
    applySeconds: summarize(apply),
    docsPerSecond: summarize(rates),
    reimportSeconds: summarize(reimport),
  };
}
