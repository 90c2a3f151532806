import { z } from 'zod';

export const MOOD_BASES = ['standard', 'backup', 'word', 'free-level', 'unknown', 'chosen'] as const;
export type MoodBasis = (typeof MOOD_BASES)[number];

export const ZImportReport = z.object({
  timeZone: z.string().nullable(),
  moods: z.array(
    z.object({
      name: z.string(),
      level: z.number().int().min(1).max(5),
      count: z.number().int(),
      basis: z.enum(MOOD_BASES),
    }),
  ),
  skipped: z.array(z.object({ where: z.string(), reason: z.string() })),
  skippedTotal: z.number().int(),
  notImported: z.array(z.object({ label: z.string(), count: z.number().int() })),
  notes: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ZImportReport>;
export type MoodLevel = ImportReport['moods'][number];

/** The report lives on the job document (1 MB limit): list the first 200, count the rest. */
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

export class ReportBuilder {
  readonly report: ImportReport = emptyReport();
  private readonly counts = new Map<string, number>();

  /** `reason` may be a function, so that 100,000 broken rows build only the messages that are listed. */
  skip(where: string | number, reason: string | (() => string)): void {
    this.report.skippedTotal += 1;
    if (this.report.skipped.length >= MAX_SKIPPED_LISTED) return;
    const text = typeof reason === 'function' ? reason() : reason;
    this.report.skipped.push({
      where: typeof where === 'number' ? `Line ${where}` : shortenWhere(where),
      reason: text.slice(0, MAX_REASON),
    });
  }

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

export function nothingUsable(report: ImportReport, what: string): string {
  const first = report.skipped[0];
  if (!first) return `The file holds no ${what} to import.`;
  const more = report.skippedTotal > 1 ? ` (${report.skippedTotal - 1} more ${what} could not be read either)` : '';
  return `No ${what} in this file could be imported. ${first.where}: ${first.reason}${more}`;
}
