import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { IMPORT_LIMITS } from './import-limits';
import type { ImportPlan, PlannedEntry } from './import-plan';
import { nothingUsable, ReportBuilder } from './import-report';
import { MIGRATION_NODES, migratedEntryId } from './migrated-entry';
import { parseJson } from './read-json';

const BODY_LIMIT = 100_000;
/** richText carries the text once more with its formatting, so it may be a few times longer than the text. */
const RICH_TEXT_LIMIT = 1_000_000;
const MAX_TAGS = 30;
const media = z.array(z.unknown()).max(10_000).optional();

const ZDayOneEntry = z.object({
  uuid: z.string().min(1).max(128),
  creationDate: z.iso.datetime({ offset: true }),
  modifiedDate: z.iso.datetime({ offset: true }).optional(),
  text: z.string().max(100_200).default(''),
  richText: z.string().max(RICH_TEXT_LIMIT).optional(),
  tags: z.array(z.string().max(200)).max(MAX_TAGS, 'Day One entries can have at most 30 tags in wellsync').default([]),
  starred: z.boolean().optional(),
  isPinned: z.boolean().optional(),
  timeZone: z.string().max(100).optional(),
  photos: media,
  videos: media,
  audios: media,
  pdfAttachments: media,
  location: z.unknown().optional(),
  weather: z.unknown().optional(),
});
type DayOneEntry = z.infer<typeof ZDayOneEntry>;
export const ZDayOneJournal = z.object({
  metadata: z.object({ version: z.string() }).loose(),
  entries: z.array(z.unknown()),
});

const NOT_IMPORTED: [keyof DayOneEntry, string, string][] = [
  ['photos', 'Photos', 'photo'],
  ['videos', 'Videos', 'video'],
  ['audios', 'Audio recordings', 'audio recording'],
  ['pdfAttachments', 'PDF attachments', 'PDF attachment'],
];

export function looksLikeDayOne(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    'metadata' in value &&
    Array.isArray((value as { entries?: unknown }).entries)
  );
}

export type DayOneJournal = { name: string; value: unknown; tag?: string };

/** Docs: docs/data-rights.md, "Formats". */
export function parseDayOneJournals(
  journals: DayOneJournal[],
  maxDocuments: number = IMPORT_LIMITS.maxDocuments,
  timeZone = 'UTC',
): ImportPlan {
  const outers = journals.map(({ name, value, tag }) => {
    const outer = ZDayOneJournal.safeParse(value);
    if (!outer.success)
      throw new AppError('validation', `${name} is not a Day One export: it needs "metadata" and "entries".`);
    return { name, tag, entries: outer.data.entries };
  });
  // Counted before any entry is checked, so an oversized file costs no per-entry work.
  const total = outers.reduce((sum, journal) => sum + journal.entries.length, 0);
  if (total > maxDocuments)
    throw new AppError(
      'payload-too-large',
      `The file holds ${total} entries; one import accepts at most ${maxDocuments}. Export fewer journals and import them in parts.`,
    );
  const report = new ReportBuilder();
  const entries: PlannedEntry[] = [];
  const ids = new Set<string>();
  const otherZones = new Map<string, number>();
  for (const { name, tag, entries: raws } of outers) {
    raws.forEach((raw, i) => {
      const where = `${name}, entry ${i + 1}`;
      const parsed = ZDayOneEntry.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return report.skip(where, `${issue.path.join('.') || 'entry'}: ${issue.message}`);
      }
      const entry = parsed.data;
      for (const [key, label] of NOT_IMPORTED)
        report.notImported(label, (entry[key] as unknown[] | undefined)?.length ?? 0);
      if (entry.location !== undefined) report.notImported('Places (an entry’s location)');
      if (entry.weather !== undefined) report.notImported('Weather');
      const text = entryText(entry);
      if (text === null)
        return report.skip(
          where,
          `it has no text${mediaSummary(entry)}, and wellsync has no place for an entry without text`,
        );
      const { title, body } = splitTitle(text);
      if (body.length > BODY_LIMIT)
        return report.skip(
          where,
          `the text is longer than wellsync's ${BODY_LIMIT.toLocaleString('en-US')} characters`,
        );
      const extra = [entry.starred && 'starred', entry.isPinned && 'pinned', tag].filter((t): t is string =>
        Boolean(t),
      );
      const tags = [...new Set([...entry.tags, ...extra])];
      if (tags.length > MAX_TAGS)
        return report.skip(where, `with ${extra.join(', ')} it would have more than ${MAX_TAGS} tags`);
      const created = Date.parse(entry.creationDate);
      const modified = entry.modifiedDate ? Date.parse(entry.modifiedDate) : created;
      const id = migratedEntryId('dayone', entry.uuid, created);
      if (ids.has(id)) return report.skip(where, 'it repeats an entry listed earlier in the export (same uuid)');
      ids.add(id);
      if (entry.timeZone && entry.timeZone !== timeZone)
        otherZones.set(entry.timeZone, (otherZones.get(entry.timeZone) ?? 0) + 1);
      entries.push({
        collection: 'journal_entries',
        id,
        kind: 'migrated',
        node: MIGRATION_NODES.dayone,
        physicalMs: Math.max(created, modified),
        fields: { title, body, tags, mood: null, createdAt: created, deletedAt: null },
      });
    });
  }
  if (otherZones.size > 0) report.note(zoneNote(otherZones, timeZone));
  const finished = report.finish();
  if (entries.length === 0 && finished.skippedTotal > 0)
    throw new AppError('validation', nothingUsable(finished, 'entries'));
  return { source: 'dayone', docs: [], entries, report: finished };
}

function entryText(entry: DayOneEntry): string | null {
  if (hasWords(entry.text)) return entry.text;
  const rich = entry.richText ? richTextToText(entry.richText) : '';
  return hasWords(rich) ? rich.replace(/^\n+/, '') : null;
}

/** richText is a JSON string: `{"contents":[{"text":"…","attributes":{…}},{"embeddedObjects":[…]}],"meta":{…}}`. */
function richTextToText(raw: string): string {
  let value: unknown;
  try {
    value = parseJson(raw, 'richText');
  } catch {
    return '';
  }
  const contents = (value as { contents?: unknown } | null)?.contents;
  if (!Array.isArray(contents)) return '';
  let out = '';
  for (const part of contents) {
    const text = (part as { text?: unknown } | null)?.text;
    if (typeof text === 'string') out += text;
  }
  return out;
}

const MOMENT = '![](dayone-moment:';

/** Text other than whitespace and Day One's own media links (`![](dayone-moment://…)`), found in one pass. */
function hasWords(text: string): boolean {
  let from = 0;
  for (let at = text.indexOf(MOMENT); at !== -1; at = text.indexOf(MOMENT, from)) {
    if (text.slice(from, at).trim() !== '') return true;
    const close = text.indexOf(')', at);
    if (close === -1) return true;
    from = close + 1;
  }
  return text.slice(from).trim() !== '';
}

function mediaSummary(entry: DayOneEntry): string {
  const parts = NOT_IMPORTED.flatMap(([key, plural, one]) => {
    const count = (entry[key] as unknown[] | undefined)?.length ?? 0;
    return count > 0 ? [`${count} ${count === 1 ? one : plural.toLowerCase()}`] : [];
  });
  return parts.length > 0 ? ` (only ${parts.join(', ')})` : '';
}

function zoneNote(zones: Map<string, number>, timeZone: string): string {
  const count = [...zones.values()].reduce((a, b) => a + b, 0);
  const names = [...zones.keys()].slice(0, 5).join(', ') + (zones.size > 5 ? '…' : '');
  return `${count} ${count === 1 ? 'entry was' : 'entries were'} written in another time zone (${names}). Each keeps its exact moment and is shown in your time zone, ${timeZone}; wellsync entries do not store a zone of their own.`;
}

function splitTitle(text: string): { title: string; body: string } {
  const newline = text.indexOf('\n');
  const first = (newline === -1 ? text : text.slice(0, newline)).replace(/^#+\s*/, '').trim();
  if (first.length === 0 || first.length > 200) return { title: '', body: text };
  return { title: first, body: newline === -1 ? '' : text.slice(newline + 1).replace(/^\n+/, '') };
}
