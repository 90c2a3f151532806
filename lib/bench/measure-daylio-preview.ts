import 'server-only';
import { IMPORT_LIMITS } from '@/lib/import/import-limits';
import { parseImportFile } from '@/lib/import/parse-import-file';
import { previewImport } from '@/lib/import/preview-import';
import { summarize, type Summary } from './summarize-samples';

export type DaylioPreviewBench = { rows: number; bytes: number; parseSeconds: Summary; previewSeconds: Summary };

const MOODS = ['rad', 'good', 'meh', 'bad', 'awful', 'ecstatic', 'tired', 'blah'];
const ACTIVITIES = ['family', 'walk', 'work', 'bad sleep', 'movies / tv', 'friends', 'reading'];

/** Deterministic, so runs compare. */
export function makeDaylioCsv(rows: number): Buffer {
  const lines = ['full_date,date,weekday,time,mood,activities,note_title,note'];
  const start = Date.UTC(2026, 0, 1);
  for (let i = 0; i < rows; i += 1) {
    const day = new Date(start - Math.floor(i / 2) * 86_400_000).toISOString().slice(0, 10);
    const hour = i % 2 === 0 ? 9 : 8;
    const time = `${hour}:${String((i * 7) % 60).padStart(2, '0')} ${i % 2 === 0 ? 'pm' : 'am'}`;
    const activities = ACTIVITIES.filter((_, k) => (i + k) % 3 === 0).join(' | ');
    const note = i % 3 === 0 ? `Day ${i}: <b>walked</b> by the river<br>tea &amp; a book` : '';
    lines.push(`${day},,,${time},${MOODS[i % MOODS.length]},"${activities}","","${note}"`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** As the upload route computes it, dry run included; issue 16's goal is under 2 s in all. */
export async function measureDaylioPreview(rounds: number, rows = 10_000): Promise<DaylioPreviewBench> {
  const file = makeDaylioCsv(rows);
  const parse: number[] = [];
  const preview: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const scope = { uid: `bench-daylio-${round}-${Date.now()}` };
    let started = performance.now();
    const plan = await parseImportFile(file, 'Europe/Berlin', IMPORT_LIMITS);
    parse.push((performance.now() - started) / 1000);
    started = performance.now();
    await previewImport(scope, plan);
    preview.push(parse.at(-1)! + (performance.now() - started) / 1000);
  }
  return { rows, bytes: file.byteLength, parseSeconds: summarize(parse), previewSeconds: summarize(preview) };
}
