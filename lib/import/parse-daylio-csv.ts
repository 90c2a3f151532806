import { AppError } from '@/lib/errors/app-error';
import { isValidDayKey, zonedInstant } from '@/lib/time/zoned';
import { daylioCheckInEntries, daylioNoteBody, LONG_NOTE_LIMIT, splitActivities } from './daylio-check-in';
import { moodKey, resolveMoodLevels, type MoodMap } from './daylio-moods';
import { htmlToText } from './html-to-text';
import { IMPORT_LIMITS } from './import-limits';
import type { ImportPlan, PlannedEntry } from './import-plan';
import { nothingUsable, ReportBuilder } from './import-report';
import { readCsvRows } from './read-csv-rows';

/** Today's layout; Daylio has also written 7 columns (no note_title), 9 (with scales), and `year,date,…` before. */
export const DAYLIO_HEADER = 'full_date,date,weekday,time,mood,activities,note_title,note';
const READ = new Set(['full_date', 'year', 'date', 'time', 'mood', 'activities', 'note_title', 'note']);
const NOT_READ: Record<string, string> = { scales: 'Scales (Daylio’s extra 1–5 ratings)', weekday: '' };
const MAX_MOOD_NAME = 100;
/** Every name is listed in the preview, stored on the job (1 MB cap). */
const MAX_MOOD_NAMES = 50;
const MAX_LISTED_COLUMNS = 20;
/** Daylio writes at most 9 columns; a first line naming hundreds is no Daylio export (and each costs work). */
const MAX_COLUMNS = 50;
/** Refused whole past this, when broken rows outnumber sound ones: reading on would only cost CPU. */
const MAX_REFUSED_ROWS = 1000;

type Layout = { index: Map<string, number>; width: number; dropped: { at: number; label: string }[] };
type SoundRow = { key: string; at: number; mood: string; activities: string; title: string; body: string };

function readHeader(cells: string[]): Layout | null {
  if (cells.length > MAX_COLUMNS) return null;
  const names = cells.map((cell) =>
    cell
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const index = new Map<string, number>();
  names.forEach((name, at) => index.has(name) || index.set(name, at));
  const hasDate = index.has('full_date') || (index.has('year') && index.has('date'));
  if (!hasDate || !index.has('time') || !index.has('mood')) return null;
  // A repeated or unnamed column is read nowhere either, so its cells are reported like an unknown column's.
  const dropped = names.flatMap((name, at) => {
    const repeated = index.get(name) !== at;
    if (READ.has(name) && !repeated) return [];
    const listed = at < MAX_LISTED_COLUMNS + READ.size + 2;
    const shown = name.slice(0, 40);
    const label =
      !repeated && Object.hasOwn(NOT_READ, name)
        ? NOT_READ[name]!
        : !listed
          ? 'Other columns'
          : name === ''
            ? 'A column without a name'
            : repeated
              ? `A second column “${shown}”`
              : `The column “${shown}”`;
    return label ? [{ at, label }] : [];
  });
  return { index, width: names.length, dropped };
}

export function looksLikeDaylio(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  const end = start.indexOf('\n');
  const first = start.slice(0, Math.min(end === -1 ? start.length : end, 2000));
  return readHeader(first.split(',').map((cell) => cell.replaceAll('"', ''))) !== null;
}

/** Docs: docs/data-rights.md, "Formats" and "The review step (issue 16)". */
export function parseDaylioCsv(
  text: string,
  timeZone: string,
  maxRows: number = IMPORT_LIMITS.maxDocuments,
  moodMap: MoodMap = [],
): ImportPlan {
  // Reading stops two rows past the limit (header and one more): a 50 MB file of tiny rows costs no more.
  const [header, ...data] = readCsvRows(text.replace(/^\uFEFF/, ''), maxRows + 2);
  const layout = header?.cells ? readHeader(header.cells) : null;
  if (!layout)
    throw new AppError(
      'validation',
      `This does not look like a Daylio export: the first line should name its columns, such as ${DAYLIO_HEADER}.`,
    );
  if (data.length > maxRows)
    throw new AppError(
      'payload-too-large',
      `The file holds more than ${maxRows} check-ins; one import accepts at most ${maxRows} documents. Export a shorter date range and import it in parts.`,
    );
  const report = new ReportBuilder();
  report.report.timeZone = timeZone;
  const cell = (cells: string[], name: string) => {
    const at = layout.index.get(name);
    return at === undefined ? '' : (cells[at] ?? '').trim();
  };
  const rows: SoundRow[] = [];
  const moods = new Map<string, { name: string; count: number }>();
  const occurrences = new Map<string, number>();
  for (const row of data) {
    if (report.report.skippedTotal > MAX_REFUSED_ROWS && report.report.skippedTotal > rows.length) {
      const first = report.report.skipped[0]!;
      throw new AppError(
        'validation',
        `More than ${MAX_REFUSED_ROWS.toLocaleString('en-US')} rows of this file could not be read, more than could; it does not look like a Daylio export. ${first.where}: ${first.reason}`,
      );
    }
    const where = row.line;
    if (row.error !== undefined) {
      report.skip(where, row.error);
      continue;
    }
    const { cells } = row;
    if (cells.length !== layout.width) {
      report.skip(
        where,
        () =>
          `it has ${cells.length} cells where the first line names ${layout.width}; a comma or a quote may be missing or extra`,
      );
      continue;
    }
    for (const { at, label } of layout.dropped) if (cells[at]!.trim()) report.notImported(label);
    const time = cell(cells, 'time');
    const day = layout.index.has('full_date')
      ? cell(cells, 'full_date')
      : oldLayoutDay(cell(cells, 'year'), cell(cells, 'date'));
    if (typeof day !== 'string') {
      report.skip(where, day.reason);
      continue;
    }
    // Two check-ins can share a minute; the occurrence number keeps their ids apart and stable (as before issue 16).
    const key = `${day} ${time}`;
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    const at = localMoment(day, time, timeZone);
    if (typeof at === 'function') {
      report.skip(where, at);
      continue;
    }
    const mood = cell(cells, 'mood');
    if (!mood || mood.length > MAX_MOOD_NAME) {
      report.skip(where, () => (mood ? `the mood name is longer than ${MAX_MOOD_NAME} characters` : 'it has no mood'));
      continue;
    }
    const body = htmlToText(cell(cells, 'note'));
    const title = cell(cells, 'note_title');
    const length = daylioNoteBody(title, body).length;
    if (length > LONG_NOTE_LIMIT) {
      report.skip(
        where,
        () =>
          `the note is ${length.toLocaleString('en-US')} characters long; wellsync keeps notes of up to ${LONG_NOTE_LIMIT.toLocaleString('en-US')} characters. Shorten or split it in Daylio, export again and retry.`,
      );
      continue;
    }
    const seen = moods.get(moodKey(mood)) ?? { name: mood, count: 0 };
    if (seen.count === 0 && moods.size >= MAX_MOOD_NAMES) {
      throw new AppError(
        'validation',
        `Line ${where}: the file names more than ${MAX_MOOD_NAMES} different moods, which no Daylio export does; check it is a Daylio CSV.`,
      );
    }
    seen.count += 1;
    moods.set(moodKey(mood), seen);
    rows.push({ key: `${key}#${occurrence}`, at, mood, activities: cell(cells, 'activities'), title, body });
  }
  const levels = resolveMoodLevels(moods, moodMap);
  report.report.moods = levels;
  const levelOf = new Map(levels.map((m) => [moodKey(m.name), m.level]));
  const entries: PlannedEntry[] = [];
  for (const row of rows) {
    const score = levelOf.get(moodKey(row.mood))!;
    entries.push(
      ...daylioCheckInEntries('daylio', {
        key: row.key,
        at: row.at,
        score,
        activities: splitActivities(row.activities),
        title: row.title,
        body: row.body,
      }),
    );
  }
  const finished = report.finish();
  if (entries.length === 0 && finished.skippedTotal > 0)
    throw new AppError('validation', nothingUsable(finished, 'check-ins'));
  return { source: 'daylio', docs: [], entries, report: finished };
}

/** Built from the local date and wall time in the user's zone, so DST days are right. */
function localMoment(day: string, time: string, timeZone: string): number | (() => string) {
  const match = time.length <= 20 ? /^(\d{1,2}):(\d{2})(?:\s?([ap])\.?m\.?)?$/i.exec(time) : null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !match)
    return () =>
      `expected a date like 2024-01-31 and a time like 8:30 pm, got "${day.slice(0, 20)}" and "${time.slice(0, 20)}"`;
  if (!isValidDayKey(day)) return () => `"${day}" is not a date`;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  const half = match[3]?.toLowerCase();
  const isRealTime = minute <= 59 && (half ? hour >= 1 && hour <= 12 : hour <= 23);
  if (!isRealTime) return () => `"${time}" is not a time of day`;
  const hours24 = half ? (hour % 12) + (half === 'p' ? 12 : 0) : hour;
  return zonedInstant(day, hours24, minute, timeZone);
}

const MONTHS = new Map(
  ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1]),
);
for (const [alias, month] of [
  ['mär', 3],
  ['mai', 5],
  ['okt', 10],
  ['dez', 12],
] as const)
  MONTHS.set(alias, month);

/** Bounded patterns on a short cell, so a hostile cell costs nothing. */
function oldLayoutDay(year: string, date: string): string | { reason: () => string } {
  const dayFirst = date.length <= 40 ? /^(\d{1,2})\.?\s{0,3}([A-Za-z\u00C0-\u00FF]{3,20})\.?$/.exec(date) : null;
  const monthFirst =
    date.length <= 40 && !dayFirst ? /^([A-Za-z\u00C0-\u00FF]{3,20})\.?\s{0,3}(\d{1,2})\.?$/.exec(date) : null;
  const [dayOfMonth, monthName] = dayFirst
    ? [dayFirst[1]!, dayFirst[2]!]
    : monthFirst
      ? [monthFirst[2]!, monthFirst[1]!]
      : ['', ''];
  const month = MONTHS.get(monthName.slice(0, 3).toLowerCase());
  if (!/^\d{4}$/.test(year) || !month)
    return {
      reason: () =>
        `expected a year like 2018 and a date like "18 May", got "${year.slice(0, 20)}" and "${date.slice(0, 20)}"`,
    };
  const y = Number(year);
  const d = Number(dayOfMonth);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const length = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (d < 1 || d > length) return { reason: () => `"${date.slice(0, 20)} ${year}" is not a date` };
  return `${year}-${String(month).padStart(2, '0')}-${dayOfMonth.padStart(2, '0')}`;
}
