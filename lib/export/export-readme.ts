import { EXPORT_FILES } from './export-files';
import { TYPE_LABELS, type ExportScope, type ExportType } from './export-types';

export const EXPORT_FORMAT = 'wellsync-export/v1';

/** README.md inside every export: every file and field, what wellsync holds and why, and how to import it back. */
export function exportReadme(
  scope: ExportScope,
  counts: Partial<Record<ExportType, number>>,
  exportedAtIso: string,
): string {
  const chosen = EXPORT_FILES.filter((file) => scope.types.includes(file.type));
  const range =
    scope.from || scope.to
      ? `from ${scope.from ?? 'the beginning'} to ${scope.to ?? 'today'} (days in ${scope.timeZone})`
      : 'all dates';
  const lines = [
    '# Your wellsync data',
    '',
    `Exported ${exportedAtIso}. Format \`${EXPORT_FORMAT}\`.`,
    '',
    `This archive holds ${chosen.map((f) => `${TYPE_LABELS[f.type].toLowerCase()} (${counts[f.type] ?? 0})`).join(', ')}, ${range}.`,
    scope.includeTombstones
      ? 'Deleted entries are included as tombstones (`deletedAt` set), so this is a complete copy.'
      : 'Deleted entries were left out at your request, so phones will not learn of those deletions from a restore of this copy.',
    '',
    '## What wellsync holds, and why',
    '',
    'Mood and journal data are health data. wellsync keeps them only to sync your devices and show you your history; they never feed anyone else\u2019s view. It holds:',
    '',
    ...EXPORT_FILES.map((file) => `- **${file.title}**: ${file.why}`),
    '- **Your account** (email, sign-in times): to sign you in. Listed under `account` in wellsync-export.json.',
    '- **Working copies** wellsync makes for itself: search and chart indexes built from your entries, and the records and files of your exports and imports (kept 7 days). They are derived from the data above, so they are not repeated here; erasing your account deletes them too.',
    '',
    '## Files',
    '',
    '- `README.md`: this file.',
    '- `wellsync-export.json`: everything in this archive, exactly as stored, for machines and for importing back. See below.',
    ...chosen.map((file) => `- \`${file.csv}\`: ${file.title.toLowerCase()}, one row per document, for spreadsheets.`),
    '',
    '## wellsync-export.json',
    '',
    'A JSON object:',
    '',
    `- \`format\`: always \`${EXPORT_FORMAT}\`; \`exportedAt\`, \`app\`, \`account\` (your user id, email and sign-in times) and \`scope\` (what you chose).`,
    '- `profile`: your profile fields, or null. Every other section is a list of `{"id": …, "data": {…}}`, one per document, with every field exactly as stored:',
    ...chosen.filter((f) => f.type !== 'profile').map((file) => `  - \`${file.jsonKey}\``),
    '- `counts`: how many documents each section holds.',
    '',
    'Values JSON cannot express are typed objects, so nothing is rounded or guessed:',
    '',
    '- `{"$timestamp": {"seconds": 1764000000, "nanoseconds": 123456000}}`: a moment, to the microsecond Firestore keeps;',
    '- `{"$bytes": "…base64…"}`, `{"$geopoint": {"latitude": …, "longitude": …}}`, `{"$reference": "path"}`, `{"$double": "NaN"}`;',
    '- `{"$map": {…}}`: a map whose own field names start with `$`.',
    '',
    '## The CSV files',
    '',
    'UTF-8 with a byte-order mark (so Excel, Numbers and LibreOffice open accents and emoji correctly), comma-separated, quoted where needed, one header row. Times are UTC in ISO 8601 with microseconds. A text cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) starts with an apostrophe; the JSON file has the exact text.',
    '',
    ...chosen.flatMap((file) => [
      `### ${file.csv}`,
      '',
      file.why,
      '',
      '| column | meaning |',
      '|---|---|',
      ...file.columns.map((c) => `| \`${c.name}\` | ${c.meaning} |`),
      '',
    ]),
    '## Importing it back',
    '',
    'In wellsync, open **Your data → Import** and choose this ZIP (or wellsync-export.json on its own). You get a preview first: per kind, how many entries are new, updated, conflicting or unchanged. Nothing is written until you apply it.',
    '',
    '- Entries go through the same sync rules your phones use: an entry the cloud already has is left alone, and when both sides changed, the newer version wins and the other is kept under sync conflicts. Importing the same file twice changes nothing.',
    '- The one field an import does not restore is `syncedAt`: the cloud sets it to the time of the import, so your phones pick the entries up.',
    '- Profile and settings are restored when the file\u2019s copy is newer; devices, conflicts and sync history are added when missing.',
    '',
  ];
  return lines.join('\n');
}
