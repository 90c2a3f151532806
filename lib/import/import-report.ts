import { z } from 'zod';

/** Where a mood's level came from, so the preview can say how sure it is. */
export const MOOD_BASES = ['standard', 'backup', 'word', 'free-level', 'unknown', 'chosen'] as const;
export type MoodBasis = (typeof MOOD_BASES)[number];

export const ZImportReport = z.object({
  /** The zone local times were read in; null when the file's times are exact instants (Day One, a backup). */
  timeZone: z.string().nullable(),
  /** Every mood name in a Daylio file, the level it becomes, and how many check-ins use it. */
  moods: z.array(
    z.object({
      name: z.string(),
      level: z.number().int().min(1).max(5),
      count: z.number().int(),
      basis: z.enum(MOOD_BASES),
    }),
  ),
  /** Rows or entries left out, with where and why; only the first MAX_SKIPPED_LISTED are listed. */
  skipped: z.array(z.object({ where: z.string(), reason: z.string() })),
  skippedTotal: z.number().int(),
  /** What the file holds that wellsync has no place for, counted (photos, scales, places…). */
  notImported: z.array(z.object({ label: z.string(), count: z.number().int() })),
  /** Anything else the user should know before applying (time zones of Day One entries, for one). */
  notes: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ZImportReport>;
export type MoodLevel = ImportReport['moods'][number];

/**
 * The report is stored on the job document (Firestore's limit is 1 MB), so a file of 100,000 broken rows lists
 * its first 200 and counts the rest.
 */
export const MAX_SKIPPED_LISTED = 200;
const MAX_REASON = 300;
/** A place names a file from the upload (a ZIP member's name may be 64 KB), so it is bounded like the reason. */
const MAX_WHERE = 200;

/** A long place loses its middle: its start names the file, its end the entry or line. */
const shortenWhere = (where: string) =>
  where.length <= MAX_WHERE ? where : `${where.slice(0, MAX_WHERE / 2 - 1)}…${where.slice(-(MAX_WHERE / 2))}`;

export function emptyReport(): ImportReport {
  return { timeZone: null, moods: [], skipped: [], skippedTotal: 0, notImported: [], notes: [] };
}

/** Collects a report while a parser runs. */
export class ReportBuilder {
  readonly report: ImportReport = emptyReport();
  private readonly counts = new Map<string, number>();

  /**
   * `where` is a place, or a line number ("Line 7"); `reason` may be a function, so that a file of 100,000 broken
   * rows builds only the messages it lists (hostile files are held to 100 ms of CPU per MB).
   */
  skip(where: string | number, reason: string | (() => string)): void {
    this.report.skippedTotal += 1;
    if (this.report.skipped.length >= MAX_SKIPPED_LISTED) return;
    const text = typeof reason === 'function' ? reason() : reason;
    this.report.skipped.push({
      where: typeof where === 'number' ? `Line ${where}` : shortenWhere(where),
      reason: text.slice(0, MAX_REASON),
    });
  }

  /** Counts something that will not come across; labels keep the order in which they were first seen. */
  notImported(label: string, count = 1): void {
    if (count > 0) this.counts.set(label, (this.counts.get(label) ?? 0) + count);
  }

  note(text: string): void {
    this.report.notes.push(text);
  }

  finish(): ImportReport {
    this.report.notImported = [...this.counts].map(([label, count]) => ({ label, count }));
    return this.report;
  }
}

/** What to say when no row or entry of a file could be used: the first reason, so the refusal is actionable. */
export function nothingUsable(report: ImportReport, what: string): string {
  const first = report.skipped[0];
  if (!first) return `The file holds no ${what} to import.`;
  const more = report.skippedTotal > 1 ? ` (${report.skippedTotal - 1} more ${what} could not be read either)` : '';
  return `No ${what} in this file could be imported. ${first.where}: ${first.reason}${more}`;
}
