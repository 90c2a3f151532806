import path from 'node:path';
import { AppError } from '@/lib/errors/app-error';
import { IMPORT_LIMITS, type ImportLimits } from './import-limits';
import { planSize, type ImportPlan } from './import-plan';
import type { MoodMap } from './daylio-moods';
import { DAYLIO_BACKUP_MEMBER, parseDaylioBackup } from './parse-daylio-backup';
import { looksLikeDaylio, parseDaylioCsv } from './parse-daylio-csv';
import { looksLikeDayOne, parseDayOneJournals } from './parse-day-one';
import { parseWellsyncExport } from './parse-wellsync-export';
import { decodeUtf8, parseJson } from './read-json';
import { unzipLimited } from './unzip-limited';

/** Everything is validated here, so a bad file is refused before the first write. */
export async function parseImportFile(
  bytes: Buffer,
  timeZone: string,
  limits: ImportLimits = IMPORT_LIMITS,
  moodMap: MoodMap = [],
): Promise<ImportPlan> {
  if (bytes.byteLength === 0) throw new AppError('validation', 'The file is empty.');
  const plan = isZip(bytes)
    ? await parseZip(bytes, timeZone, limits)
    : parseText(decodeUtf8(bytes, 'The file'), timeZone, limits.maxDocuments, moodMap);
  const size = planSize(plan);
  if (size === 0) throw new AppError('validation', 'The file holds no entries to import.');
  if (size > limits.maxDocuments)
    throw new AppError(
      'payload-too-large',
      `The file holds ${size} documents; one import accepts at most ${limits.maxDocuments}. Export a shorter date range and import it in parts.`,
    );
  return plan;
}

const isZip = (bytes: Buffer) => bytes.byteLength >= 4 && bytes.readUInt32LE(0) === 0x04034b50;

/** Top-level files are the only ones read: Day One puts one JSON per journal there, Daylio its `backup.daylio`. */
const isReadInZip = (name: string) =>
  !name.includes('/') && (name.toLowerCase().endsWith('.json') || name === DAYLIO_BACKUP_MEMBER);

async function parseZip(bytes: Buffer, timeZone: string, limits: ImportLimits): Promise<ImportPlan> {
  const files = await unzipLimited(bytes, isReadInZip, limits);
  const wellsync = files.get('wellsync-export.json');
  if (wellsync)
    return parseWellsyncExport(
      parseJson(decodeUtf8(wellsync, 'wellsync-export.json'), 'wellsync-export.json'),
      limits.maxDocuments,
    );
  const backup = files.get(DAYLIO_BACKUP_MEMBER);
  if (backup) return parseDaylioBackup(backup, limits.maxDocuments);
  const journals = [...files]
    .filter(([name]) => name.toLowerCase().endsWith('.json'))
    .map(([name, data]) => ({ name, value: parseJson(decodeUtf8(data, name), name), tag: journalTag(name) }))
    .filter((j) => looksLikeDayOne(j.value));
  if (journals.length > 0) return parseDayOneJournals(journals, limits.maxDocuments, timeZone);
  throw new AppError(
    'unsupported-media-type',
    'This ZIP is neither a wellsync export (it has no wellsync-export.json), a Day One export (no journal JSON at the top level), nor a Daylio backup (no backup.daylio).',
  );
}

const journalTag = (fileName: string) =>
  fileName
    .replace(/\.json$/i, '')
    .trim()
    .slice(0, 100) || undefined;

function parseText(text: string, timeZone: string, maxDocuments: number, moodMap: MoodMap): ImportPlan {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) {
    const value = parseJson(trimmed, 'The file');
    if (typeof value === 'object' && value !== null && 'format' in value)
      return parseWellsyncExport(value, maxDocuments);
    if (looksLikeDayOne(value)) return parseDayOneJournals([{ name: 'Journal.json', value }], maxDocuments, timeZone);
    throw new AppError(
      'unsupported-media-type',
      'This JSON file is neither a wellsync export (no "format") nor a Day One export (no "entries").',
    );
  }
  if (looksLikeDaylio(trimmed)) return parseDaylioCsv(trimmed, timeZone, maxDocuments, moodMap);
  throw new AppError(
    'unsupported-media-type',
    'We could not recognise this file. Import a wellsync export (.zip or .json), a Daylio CSV or backup (.csv or .daylio), or a Day One export (.zip or .json).',
  );
}

export const safeFileName = (name: string | null): string =>
  path
    .basename(name ?? 'upload')
    .replace(/[^\w.\- ]+/g, '_')
    .slice(0, 120) || 'upload';
