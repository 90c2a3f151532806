import 'server-only';
import { Timestamp } from 'firebase-admin/firestore';
import { spreadsheetSafe, type CsvCell } from '@/lib/csv/spreadsheet-safe';
import { encodeValue } from './typed-json';
import type { ExportType } from './export-types';

/** One catalogue for CSV columns and README, so the README can never describe a column the CSV lacks. */
type Cell = CsvCell;
export type CsvColumn = { name: string; meaning: string; cell: (id: string, data: Record<string, unknown>) => Cell };
export type ExportFile = {
  type: ExportType;
  csv: string;
  jsonKey: string;
  title: string;
  why: string;
  columns: CsvColumn[];
};

/** ISO 8601 in UTC with the microseconds Firestore keeps, e.g. 2025-01-31T08:15:02.123456Z. */
export function isoTime(value: unknown): string | null {
  if (!(value instanceof Timestamp)) return null;
  const base = new Date(value.seconds * 1000).toISOString().slice(0, 19);
  return `${base}.${String(Math.floor(value.nanoseconds / 1000)).padStart(6, '0')}Z`;
}

const text =
  (field: string) =>
  (_id: string, data: Record<string, unknown>): Cell => {
    const value = data[field];
    if (value === undefined || value === null) return null;
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? value
      : JSON.stringify(encodeValue(value));
  };
const time = (field: string) => (_id: string, data: Record<string, unknown>) => isoTime(data[field]);
const list = (field: string) => (_id: string, data: Record<string, unknown>) =>
  Array.isArray(data[field]) ? (data[field] as unknown[]).map(String).join('; ') : null;
const id: CsvColumn = { name: 'id', meaning: 'The document id (the same on every device).', cell: (docId) => docId };

const col = (name: string, meaning: string, cell: CsvColumn['cell'] = text(name)): CsvColumn => ({
  name,
  meaning,
  cell,
});
const at = (name: string, meaning: string) => col(name, `${meaning} (UTC, microseconds).`, time(name));
const protocol: CsvColumn[] = [
  at('updatedAt', 'When this version was written on the device'),
  at(
    'deletedAt',
    'Empty, or when the entry was deleted (a tombstone, kept so that other devices learn of the deletion)',
  ),
  col('rev', 'The version: hybrid logical clock `<ms>:<counter>:<deviceId>`.'),
  col('baseRev', 'The version this one was edited from; empty for a new entry.'),
  col('deviceId', 'The device that wrote this version.'),
  at('syncedAt', 'When the cloud received this version'),
];

export const EXPORT_FILES: readonly ExportFile[] = [
  {
    type: 'profile',
    csv: 'profile.csv',
    jsonKey: 'profile',
    title: 'Profile',
    why: 'Your name and time zone, so that days and charts are shown in your own time.',
    columns: [
      col('displayName', 'Your display name.'),
      col('photoURL', 'A link to your picture, if you set one.'),
      col('timezone', 'Your IANA time zone.'),
      at('createdAt', 'When the profile was created'),
      at('updatedAt', 'When it last changed'),
    ],
  },
  {
    type: 'settings',
    csv: 'settings.csv',
    jsonKey: 'settings',
    title: 'Sync settings',
    why: 'Whether cloud sync is on, and for which kinds of data: your phones obey these.',
    columns: [
      id,
      col('enabled', 'Cloud sync on at all.'),
      col(
        'journal',
        'Journal syncs.',
        (_i, d) => ((d.collections as Record<string, unknown> | undefined)?.journal as Cell) ?? null,
      ),
      col(
        'mood',
        'Mood check-ins sync.',
        (_i, d) => ((d.collections as Record<string, unknown> | undefined)?.mood as Cell) ?? null,
      ),
      col(
        'profile',
        'Profile syncs.',
        (_i, d) => ((d.collections as Record<string, unknown> | undefined)?.profile as Cell) ?? null,
      ),
      at('updatedAt', 'When they last changed'),
      col('updatedBy', 'The device that changed them.'),
    ],
  },
  {
    type: 'journal',
    csv: 'journal_entries.csv',
    jsonKey: 'journal_entries',
    title: 'Journal entries',
    why: 'What you wrote, so that every one of your devices shows the same journal.',
    columns: [
      id,
      at('createdAt', 'When you wrote it'),
      col('title', 'Title.'),
      col('body', 'The text, in Markdown.'),
      col('tags', 'Tags, separated by "; ".', list('tags')),
      col('mood', 'The mood you gave it (1–5), if any.'),
      ...protocol,
    ],
  },
  {
    type: 'mood',
    csv: 'mood_entries.csv',
    jsonKey: 'mood_entries',
    title: 'Mood check-ins',
    why: 'Your check-ins, for your history and charts.',
    columns: [
      id,
      at('recordedAt', 'The moment the check-in is about'),
      col('score', 'Mood from 1 (awful) to 5 (great).'),
      col('emotions', 'Emotions, separated by "; ".', list('emotions')),
      col('activities', 'Activities, separated by "; ".', list('activities')),
      col('note', 'Your note, if any.'),
      ...protocol,
    ],
  },
  {
    type: 'conflicts',
    csv: 'conflicts.csv',
    jsonKey: 'conflicts',
    title: 'Sync conflicts',
    why: 'When two devices changed the same entry at once, the losing version is kept here, whole, so nothing you wrote is lost.',
    columns: [
      id,
      col('collection', 'journal_entries or mood_entries.'),
      col('docId', 'The entry the conflict is about.'),
      col('rev', 'The losing version.'),
      col('deviceId', 'The device that wrote the losing version.'),
      at('detectedAt', 'When the conflict was found'),
      at('resolvedAt', 'When you resolved it, if you did'),
      col('resolution', 'How: kept-winner, restored or merged.'),
      col('data', 'The losing version itself, as typed JSON (see wellsync-export.json).', (_i, d) =>
        JSON.stringify(encodeValue(d.data ?? null)),
      ),
    ],
  },
  {
    type: 'devices',
    csv: 'devices.csv',
    jsonKey: 'devices',
    title: 'Devices',
    why: 'The phones and browsers signed in to your account, so you can see and revoke them.',
    columns: [
      id,
      col('name', 'The device name.'),
      col('platform', 'ios, android or web.'),
      col('model', 'The model or browser.'),
      col('appVersion', 'The app version.'),
      at('createdAt', 'When it first signed in'),
      at('lastSeenAt', 'When it was last seen'),
      at('lastSyncAt', 'Its last sync'),
      col('lastSyncStatus', 'ok or error.'),
      col('pendingChanges', 'Changes waiting on the device at its last sync.'),
      at('revokedAt', 'When it was signed out remotely, if it was'),
    ],
  },
  {
    type: 'sync_events',
    csv: 'sync_events.csv',
    jsonKey: 'sync_events',
    title: 'Sync history',
    why: 'One record per sync attempt (no content): it lets us measure that sync is fast and reliable, and shows you when your devices synced.',
    columns: [
      id,
      at('startedAt', 'When the attempt started'),
      col('deviceId', 'The device.'),
      col('platform', 'Its platform.'),
      col('appVersion', 'Its app version.'),
      col('durationMs', 'How long it took, in milliseconds.'),
      col('status', 'ok or error.'),
      col('errorCode', 'Why it failed, if it did.'),
      ...['pushed', 'pulled', 'conflicts', 'reads', 'writes', 'deletes', 'bytesUp', 'bytesDown'].map((name) =>
        col(name, `Count of ${name.replace(/([A-Z])/g, ' $1').toLowerCase()} in this attempt.`),
      ),
    ],
  },
];

export const exportFileOf = (type: ExportType): ExportFile => EXPORT_FILES.find((file) => file.type === type)!;

export function csvRow(file: ExportFile, id: string, data: Record<string, unknown>): Cell[] {
  return file.columns.map((column) => spreadsheetSafe(column.cell(id, data)));
}
