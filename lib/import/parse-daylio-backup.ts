import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { daylioCheckInEntries, daylioNoteBody, LONG_NOTE_LIMIT } from './daylio-check-in';
import { htmlToText } from './html-to-text';
import { IMPORT_LIMITS } from './import-limits';
import type { ImportPlan, PlannedEntry } from './import-plan';
import { nothingUsable, ReportBuilder, type MoodLevel } from './import-report';
import { decodeUtf8, parseJson } from './read-json';

/** The name of the one file in a `.daylio` backup (itself a ZIP) that holds the data, base64-encoded JSON. */
export const DAYLIO_BACKUP_MEMBER = 'backup.daylio';

const PREDEFINED = ['', 'rad', 'good', 'meh', 'bad', 'awful'];
/** Daylio's own limit on a note is far below this; a longer one is from no phone. */
const MAX_NOTE = 1_000_000;

const ZBackupMood = z.object({
  id: z.number().int(),
  custom_name: z.string().max(200).default(''),
  mood_group_id: z.number().int().min(1).max(5),
  predefined_name_id: z.number().int().optional(),
});
const ZBackupTag = z.object({ id: z.number().int(), name: z.string().max(200) });
const ZBackupEntry = z.object({
  id: z.number().int(),
  datetime: z.number().int().min(0).max(253_402_300_799_000),
  mood: z.number().int(),
  note: z.string().max(MAX_NOTE).default(''),
  note_title: z.string().max(1000).default(''),
  tags: z.array(z.number().int()).max(1000).default([]),
  assets: z.array(z.number().int()).max(1000).default([]),
});
const ZDaylioBackup = z.object({
  customMoods: z.array(z.unknown()).max(1000),
  tags: z.array(z.unknown()).max(10_000).default([]),
  dayEntries: z.array(z.unknown()),
  goals: z.array(z.unknown()).optional(),
});

/** Docs: docs/data-rights.md, "Formats". */
export function parseDaylioBackup(encoded: Buffer, maxDocuments: number = IMPORT_LIMITS.maxDocuments): ImportPlan {
  const base64 = decodeUtf8(encoded, 'backup.daylio').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
    throw new AppError(
      'validation',
      'backup.daylio in this Daylio backup is not base64 text; the backup may be damaged. Export it from Daylio again and retry.',
    );
  const outer = ZDaylioBackup.safeParse(
    parseJson(decodeUtf8(Buffer.from(base64, 'base64'), 'The Daylio backup'), 'The Daylio backup'),
  );
  if (!outer.success)
    throw new AppError(
      'validation',
      'This Daylio backup does not hold "customMoods" and "dayEntries"; it may come from a newer Daylio. Export a CSV from Daylio instead.',
    );
  const backup = outer.data;
  if (backup.dayEntries.length > maxDocuments)
    throw new AppError(
      'payload-too-large',
      `The backup holds ${backup.dayEntries.length} check-ins; one import accepts at most ${maxDocuments}. Export a CSV of a shorter date range and import it in parts.`,
    );
  const report = new ReportBuilder();
  const moods = new Map<number, MoodLevel>();
  for (const raw of backup.customMoods) {
    const mood = ZBackupMood.safeParse(raw);
    if (!mood.success) continue;
    const { id, custom_name: custom, mood_group_id: group, predefined_name_id: predefined } = mood.data;
    const name = custom.trim() || PREDEFINED[predefined ?? 0] || `mood ${id}`;
    moods.set(id, { name, level: 6 - group, count: 0, basis: 'backup' });
  }
  const tags = new Map<number, string>();
  for (const raw of backup.tags) {
    const tag = ZBackupTag.safeParse(raw);
    if (tag.success) tags.set(tag.data.id, tag.data.name.trim());
  }
  const entries: PlannedEntry[] = [];
  const seen = new Set<number>();
  backup.dayEntries.forEach((raw, i) => {
    const where = `Check-in ${i + 1}`;
    const parsed = ZBackupEntry.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return report.skip(where, `${issue.path.join('.') || 'entry'}: ${issue.message}`);
    }
    const entry = parsed.data;
    report.notImported('Photos and voice memos', entry.assets.length);
    if (seen.has(entry.id)) return report.skip(where, `it repeats check-in ${entry.id}, listed earlier in the backup`);
    seen.add(entry.id);
    const mood = moods.get(entry.mood);
    if (!mood) return report.skip(where, `its mood (id ${entry.mood}) is not among the backup's moods`);
    const body = htmlToText(entry.note);
    const title = entry.note_title.trim();
    const length = daylioNoteBody(title, body).length;
    if (length > LONG_NOTE_LIMIT)
      return report.skip(
        where,
        `the note is ${length.toLocaleString('en-US')} characters long; wellsync keeps notes of up to ${LONG_NOTE_LIMIT.toLocaleString('en-US')} characters`,
      );
    mood.count += 1;
    const activities = entry.tags.flatMap((id) => (tags.get(id) ? [tags.get(id)!] : []));
    entries.push(
      ...daylioCheckInEntries('daylio-backup', {
        key: String(entry.id),
        at: entry.datetime,
        score: mood.level,
        activities,
        title,
        body,
      }),
    );
  });
  report.notImported('Goals', backup.goals?.length ?? 0);
  const finished = report.finish();
  finished.moods = [...moods.values()].filter((m) => m.count > 0);
  if (entries.length === 0 && finished.skippedTotal > 0)
    throw new AppError('validation', nothingUsable(finished, 'check-ins'));
  return { source: 'daylio', docs: [], entries, report: finished };
}
