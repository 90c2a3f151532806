import { TZDate, tzOffset } from '@date-fns/tz';

/** Calendar days in the user's own time zone (`users/{uid}.timezone`), as `YYYY-MM-DD`. */
export type DayKey = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function dayKeyOf(instantMs: number, timeZone: string): DayKey {
  return dayFormatter(timeZone).format(instantMs);
}

/** The instant a local day starts in `timeZone`: usually midnight, later where DST skips midnight. */
export function startOfDay(day: DayKey, timeZone: string): number {
  const [year, month, date] = parseDayKey(day);
  return new TZDate(year, month - 1, date, 0, 0, 0, 0, timeZone).getTime();
}

/** The instant the next local day starts: day ranges are half-open, [startOfDay(from), endOfDay(to)). */
export function endOfDay(day: DayKey, timeZone: string): number {
  return startOfDay(addDays(day, 1), timeZone);
}

/** A missing wall time moves forward by the gap; a doubled one is its first occurrence (TZDate varies by zone). */
export function zonedInstant(day: DayKey, hour: number, minute: number, timeZone: string): number {
  const [year, month, date] = parseDayKey(day);
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  const offsetMs = (instant: number) => tzOffset(timeZone, new Date(instant)) * 60_000;
  // The offsets a day either side: any change near this wall time lies between them.
  const before = offsetMs(wall - 86_400_000);
  const after = offsetMs(wall + 86_400_000);
  const candidates = [wall - before, wall - after].filter((instant) => instant + offsetMs(instant) === wall);
  return candidates.length > 0 ? Math.min(...candidates) : wall - before;
}

export function parseDayKey(day: DayKey): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new Error(`Not a day: ${day}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

export function addDays(day: DayKey, days: number): DayKey {
  const [year, month, date] = parseDayKey(day);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

export function isoWeekday(day: DayKey): number {
  const [year, month, date] = parseDayKey(day);
  return (new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7;
}

export function daysBetween(from: DayKey, to: DayKey): number {
  const [y1, m1, d1] = parseDayKey(from);
  const [y2, m2, d2] = parseDayKey(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

export function isValidDayKey(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

export function formatDateTime(instantMs: number, timeZone: string, locale = 'en-GB'): string {
  const key = `${locale}|${timeZone}`;
  let formatter = dateTimeFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    dateTimeFormatters.set(key, formatter);
  }
  return formatter.format(instantMs);
}
