import { parse } from 'csv-parse/sync';
import { AppError } from '@/lib/api/errors';
import { isValidDayKey, zonedInstant } from '@/lib/time/zoned';
import { htmlToText } from './html-to-text';
import { IMPORT_LIMITS } from './import-limits';
import type { ImportPlan, PlannedEntry } from './import-plan';
import { MIGRATION_NODES, migratedEntryId } from './migrated-entry';

export const DAYLIO_HEADER = ['full_date', 'date', 'weekday', 'time', 'mood', 'activities', 'note_title', 'note'];
/** Daylio's five standard moods, best first. Custom mood names cannot be placed on the 1–5 scale without asking. */
const MOODS: Record<string, number> = { rad: 5, good: 4, meh: 3, bad: 2, awful: 1 };
const NOTE_LIMIT = 2000;
/** A journal entry's body limit in the contract; a longer note cannot be kept whole, so its row is refused. */
const LONG_NOTE_LIMIT = 100_000;

export function looksLikeDaylio(text: string): boolean {
  return text.replace(/^\uFEFF/, '').trimStart().toLowerCase().startsWith('full_date,');
}

/**
 * Daylio's CSV export: one row per check-in, local date and time, mood name, activities joined by " | ", and an
 * optional note. Times are in the user's own time zone. A note too long for a check-in (2,000 characters) becomes
 * a journal entry at the same moment instead, so no text is cut.
 */
export function parseDaylioCsv(text: string, timeZone: string, maxRows: number = IMPORT_LIMITS.maxDocuments): ImportPlan {
  let rows: string[][];
  try {
    // Parsing stops one row past the limit: a 50 MB file of tiny rows is refused without reading it all.
    rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: false, skip_empty_lines: true, to: maxRows + 2 }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new AppError('validation', `The Daylio file is not valid CSV${line ? ` (near line ${line})` : ''}. Export it from Daylio again and retry.`);
  }
  const [header, ...data] = rows;
  if (!header || header.map((h) => h.trim().toLowerCase()).join(',') !== DAYLIO_HEADER.join(',')) {
    throw new AppError('validation', `This does not look like a Daylio export: the first line should be ${DAYLIO_HEADER.join(',')}.`);
  }
  if (data.length > maxRows) throw new AppError('payload-too-large', `The file holds more than ${maxRows} check-ins; one import accepts at most ${maxRows} documents. Export a shorter date range and import it in parts.`);
  const entries: PlannedEntry[] = [];
  const seen = new Map<string, number>();
  data.forEach((row, index) => {
    const line = index + 2;
    const [fullDate, , , time, mood, activities, noteTitle, note] = row.map((cell) => cell.trim());
    const at = localMoment(fullDate!, time!, timeZone, line);
    const score = MOODS[mood!.toLowerCase()];
    if (!score) throw new AppError('validation', `Line ${line}: the mood "${mood!.slice(0, 40)}" is not one of Daylio's five standard moods (${Object.keys(MOODS).join(', ')}). Rename custom moods in Daylio before exporting.`);
    const body = htmlToText(note ?? '');
    if (body.length > LONG_NOTE_LIMIT) {
      throw new AppError('validation', `Line ${line}: the note is ${body.length.toLocaleString('en-US')} characters long; wellsync keeps notes of up to ${LONG_NOTE_LIMIT.toLocaleString('en-US')} characters. Shorten or split it in Daylio, export again and retry.`);
    }
    const text = [noteTitle, body].filter(Boolean).join('\n\n');
    // Two check-ins can share a minute; the occurrence number keeps their ids apart and stable.
    const key = `${fullDate} ${time}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    const id = migratedEntryId('daylio', `${key}#${occurrence}`, at);
    const longNote = text.length > NOTE_LIMIT;
    entries.push({
      collection: 'mood_entries',
      id,
      kind: 'migrated',
      node: MIGRATION_NODES.daylio,
      physicalMs: at,
      fields: { score, emotions: [], activities: splitActivities(activities ?? ''), note: text && !longNote ? text : null, recordedAt: at, deletedAt: null },
    });
    if (longNote) {
      entries.push({
        collection: 'journal_entries',
        id: migratedEntryId('daylio-note', `${key}#${occurrence}`, at),
        kind: 'migrated',
        node: MIGRATION_NODES.daylio,
        physicalMs: at,
        fields: { title: (noteTitle || 'Daylio note').slice(0, 200), body, tags: ['daylio'], mood: score, createdAt: at, deletedAt: null },
      });
    }
  });
  return { source: 'daylio', docs: [], entries };
}

/**
 * A Daylio date and time as an instant, built from the local date and wall time in the user's zone (so DST days
 * are right). Dates must exist (no 31 February), and times must be real: 1–12 with am/pm, or 0–23 without.
 */
function localMoment(day: string, time: string, timeZone: string, line: number): number {
  const match = /^(\d{1,2}):(\d{2})(?:\s?([ap])\.?m\.?)?$/i.exec(time);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !match) throw new AppError('validation', `Line ${line}: expected a date like 2024-01-31 and a time like 8:30 pm, got "${day.slice(0, 20)}" and "${time.slice(0, 20)}".`);
  if (!isValidDayKey(day)) throw new AppError('validation', `Line ${line}: "${day}" is not a date.`);
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const half = match[3]?.toLowerCase();
  const isRealTime = minute <= 59 && (half ? hour >= 1 && hour <= 12 : hour <= 23);
  if (!isRealTime) throw new AppError('validation', `Line ${line}: "${time}" is not a time of day.`);
  const hours24 = half ? (hour % 12) + (half === 'p' ? 12 : 0) : hour;
  return zonedInstant(day, hours24, minute, timeZone);
}

function splitActivities(cell: string): string[] {
  return cell.split('|').map((a) => a.trim()).filter(Boolean);
}
