import path from 'node:path';
import { AppError } from '@/lib/api/errors';
import { IMPORT_LIMITS, type ImportLimits } from './import-limits';
import { planSize, type ImportPlan } from './import-plan';
import { looksLikeDaylio, parseDaylioCsv } from './parse-daylio-csv';
import { looksLikeDayOne, parseDayOneJournals } from './parse-day-one';
import { parseWellsyncExport } from './parse-wellsync-export';
import { unzipLimited } from './unzip-limited';

/**
 * Recognises and reads an uploaded file, entirely in memory and without touching the database: a wellsync export
 * (ZIP or its JSON), a Daylio CSV, or a Day One export (ZIP or JSON). Everything is validated here, so a bad file
 * is refused before the first write.
 */
export async function parseImportFile(bytes: Buffer, timeZone: string, limits: ImportLimits = IMPORT_LIMITS): Promise<ImportPlan> {
  if (bytes.byteLength === 0) throw new AppError('validation', 'The file is empty.');
  const plan = isZip(bytes) ? await parseZip(bytes, limits) : parseText(decodeUtf8(bytes, 'The file'), timeZone, limits.maxDocuments);
  const size = planSize(plan);
  if (size === 0) throw new AppError('validation', 'The file holds no entries to import.');
  if (size > limits.maxDocuments) throw new AppError('payload-too-large', `The file holds ${size} documents; one import accepts at most ${limits.maxDocuments}. Export a shorter date range and import it in parts.`);
  return plan;
}

const isZip = (bytes: Buffer) => bytes.byteLength >= 4 && bytes.readUInt32LE(0) === 0x04034b50;

async function parseZip(bytes: Buffer, limits: ImportLimits): Promise<ImportPlan> {
  // Only top-level JSON files are read: Day One puts one per journal there, and its photos in folders.
  const files = await unzipLimited(bytes, (name) => !name.includes('/') && name.toLowerCase().endsWith('.json'), limits);
  const wellsync = files.get('wellsync-export.json');
  if (wellsync) return parseWellsyncExport(parseJson(decodeUtf8(wellsync, 'wellsync-export.json'), 'wellsync-export.json'), limits.maxDocuments);
  const journals = [...files].map(([name, data]) => ({ name, value: parseJson(decodeUtf8(data, name), name) })).filter((j) => looksLikeDayOne(j.value));
  if (journals.length > 0) return parseDayOneJournals(journals, limits.maxDocuments);
  throw new AppError('unsupported-media-type', 'This ZIP is neither a wellsync export (it has no wellsync-export.json) nor a Day One export (no journal JSON at the top level).');
}

function parseText(text: string, timeZone: string, maxDocuments: number): ImportPlan {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) {
    const value = parseJson(trimmed, 'The file');
    if (typeof value === 'object' && value !== null && 'format' in value) return parseWellsyncExport(value, maxDocuments);
    if (looksLikeDayOne(value)) return parseDayOneJournals([{ name: 'Journal.json', value }], maxDocuments);
    throw new AppError('unsupported-media-type', 'This JSON file is neither a wellsync export (no "format") nor a Day One export (no "entries").');
  }
  if (looksLikeDaylio(trimmed)) return parseDaylioCsv(trimmed, timeZone, maxDocuments);
  throw new AppError('unsupported-media-type', 'We could not recognise this file. Import a wellsync export (.zip or .json), a Daylio CSV, or a Day One export (.zip or .json).');
}

function decodeUtf8(bytes: Buffer, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('validation', `${what} is not UTF-8 text; it may be damaged.`);
  }
}

/**
 * No export nests deeper than this (Firestore's 20 levels, each perhaps wrapped in a `$map`, inside the file's own
 * few). A file nested 500,000 deep costs JSON.parse and every recursive check after it super-linear time, so
 * nesting is counted first, in one pass over the text.
 */
const MAX_JSON_DEPTH = 64;

function refuseDeepJson(text: string, what: string) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92 /* \\ */) i += 1;
      else if (code === 34 /* " */) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 91 /* [ */ || code === 123 /* { */) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH) throw new AppError('validation', `${what} nests lists or objects more than ${MAX_JSON_DEPTH} levels deep, which no export does; it was not read.`);
    } else if (code === 93 /* ] */ || code === 125 /* } */) depth -= 1;
  }
}

function parseJson(text: string, what: string): unknown {
  refuseDeepJson(text, what);
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new AppError('validation', `${what} is not valid JSON${position ? ` (near character ${position})` : ''}; it may be cut short. Download it again and retry.`);
  }
}

export const safeFileName = (name: string | null): string => path.basename(name ?? 'upload').replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'upload';
