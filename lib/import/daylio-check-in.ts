import type { PlannedEntry } from './import-plan';
import { MIGRATION_NODES, migratedEntryId } from './migrated-entry';

/** A check-in's note limit in the contract; a longer note becomes a journal entry, so no text is cut. */
const NOTE_LIMIT = 2000;
export const LONG_NOTE_LIMIT = 100_000;

const TITLE_LIMIT = 200;

/** The body a long note becomes as a journal entry: a title too long to be one is kept at its top. */
export function daylioNoteBody(title: string, body: string): string {
  return title.length > TITLE_LIMIT ? [title, body].filter(Boolean).join('\n\n') : body;
}

export type DaylioCheckIn = {
  key: string;
  at: number;
  score: number;
  activities: string[];
  title: string;
  body: string;
};

/** A long note becomes a journal entry tagged "daylio", so no text is cut; `key` fixes the ids. */
export function daylioCheckInEntries(source: 'daylio' | 'daylio-backup', checkIn: DaylioCheckIn): PlannedEntry[] {
  const { key, at, score, activities, title, body } = checkIn;
  const text = [title, body].filter(Boolean).join('\n\n');
  const longNote = text.length > NOTE_LIMIT;
  const mood: PlannedEntry = {
    collection: 'mood_entries',
    id: migratedEntryId(source, key, at),
    kind: 'migrated',
    node: MIGRATION_NODES.daylio,
    physicalMs: at,
    fields: { score, emotions: [], activities, note: text && !longNote ? text : null, recordedAt: at, deletedAt: null },
  };
  if (!longNote) return [mood];
  const note: PlannedEntry = {
    collection: 'journal_entries',
    id: migratedEntryId(`${source}-note`, key, at),
    kind: 'migrated',
    node: MIGRATION_NODES.daylio,
    physicalMs: at,
    fields: {
      title: title && title.length <= TITLE_LIMIT ? title : 'Daylio note',
      body: daylioNoteBody(title, body),
      tags: ['daylio'],
      mood: score,
      createdAt: at,
      deletedAt: null,
    },
  };
  return [mood, note];
}

export function splitActivities(cell: string): string[] {
  return cell
    .split('|')
    .map((a) => a.trim())
    .filter(Boolean);
}
