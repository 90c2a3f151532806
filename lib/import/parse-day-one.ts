import { z } from 'zod';
import { AppError } from '@/lib/api/errors';
import { IMPORT_LIMITS } from './import-limits';
import type { ImportPlan, PlannedEntry } from './import-plan';
import { MIGRATION_NODES, migratedEntryId } from './migrated-entry';

/** The parts of Day One's JSON export (`Journal.json`) that a journal entry needs; photos and places are not imported. */
const ZDayOneEntry = z.object({
  uuid: z.string().min(1).max(128),
  creationDate: z.iso.datetime({ offset: true }),
  modifiedDate: z.iso.datetime({ offset: true }).optional(),
  text: z.string().max(100_200).default(''),
  tags: z.array(z.string().max(200)).max(30, 'Day One entries can have at most 30 tags in wellsync').default([]),
  starred: z.boolean().optional(),
});
export const ZDayOneJournal = z.object({ metadata: z.object({ version: z.string() }).loose(), entries: z.array(z.unknown()) });

export function looksLikeDayOne(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'metadata' in value && Array.isArray((value as { entries?: unknown }).entries);
}

/**
 * Day One entries become journal entries. Day One has no title field: like Day One itself, the first line is the
 * title (without its `#`), and the rest is the body, in Markdown. Starred entries get the tag "starred".
 */
export function parseDayOneJournals(journals: { name: string; value: unknown }[], maxDocuments: number = IMPORT_LIMITS.maxDocuments): ImportPlan {
  const entries: PlannedEntry[] = [];
  const outers = journals.map(({ name, value }) => {
    const outer = ZDayOneJournal.safeParse(value);
    if (!outer.success) throw new AppError('validation', `${name} is not a Day One export: it needs "metadata" and "entries".`);
    return { name, entries: outer.data.entries };
  });
  // Counted before any entry is checked, so an oversized file costs no per-entry work.
  const total = outers.reduce((sum, journal) => sum + journal.entries.length, 0);
  if (total > maxDocuments) throw new AppError('payload-too-large', `The file holds ${total} entries; one import accepts at most ${maxDocuments}. Export fewer journals and import them in parts.`);
  for (const { name, entries: raws } of outers) {
    raws.forEach((raw, i) => {
      const parsed = ZDayOneEntry.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new AppError('validation', `${name}, entry ${i + 1}: ${issue.path.join('.') || 'entry'}: ${issue.message}`);
      }
      const entry = parsed.data;
      const created = Date.parse(entry.creationDate);
      const modified = entry.modifiedDate ? Date.parse(entry.modifiedDate) : created;
      const { title, body } = splitTitle(entry.text);
      if (body.length > 100_000) throw new AppError('validation', `${name}, entry ${i + 1}: the text is longer than wellsync's 100,000 characters.`);
      const tags = entry.starred && !entry.tags.includes('starred') ? [...entry.tags, 'starred'] : entry.tags;
      if (tags.length > 30) throw new AppError('validation', `${name}, entry ${i + 1}: more than 30 tags.`);
      entries.push({
        collection: 'journal_entries',
        id: migratedEntryId('dayone', entry.uuid, created),
        kind: 'migrated',
        node: MIGRATION_NODES.dayone,
        physicalMs: Math.max(created, modified),
        fields: { title, body, tags, mood: null, createdAt: created, deletedAt: null },
      });
    });
  }
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) throw new AppError('validation', 'The Day One export lists the same entry twice.');
    ids.add(entry.id);
  }
  return { source: 'dayone', docs: [], entries };
}

function splitTitle(text: string): { title: string; body: string } {
  const newline = text.indexOf('\n');
  const first = (newline === -1 ? text : text.slice(0, newline)).replace(/^#+\s*/, '').trim();
  if (first.length === 0 || first.length > 200) return { title: '', body: text };
  return { title: first, body: newline === -1 ? '' : text.slice(newline + 1).replace(/^\n+/, '') };
}
