import { addDays, daysBetween, parseDayKey, type DayKey } from '@/lib/time/zoned';

/** Rollups are kept in UTC days and months, whatever the users' time zones (docs/admin-analytics.md). */
export const DAY_MS = 86_400_000;
export type MonthKey = string;

export function utcDay(ms: number): DayKey {
  return new Date(ms).toISOString().slice(0, 10);
}

export function utcDayStart(day: DayKey): number {
  const [y, m, d] = parseDayKey(day);
  return Date.UTC(y, m - 1, d);
}

export function monthOf(day: DayKey): MonthKey {
  return day.slice(0, 7);
}

export function daysInMonth(month: MonthKey): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function monthStartMs(month: MonthKey): number {
  return utcDayStart(`${month}-01`);
}

export function eachDay(from: DayKey, to: DayKey): DayKey[] {
  const days: DayKey[] = [];
  for (let i = 0, n = daysBetween(from, to); i <= n; i++) days.push(addDays(from, i));
  return days;
}

export function eachMonth(from: DayKey, to: DayKey): MonthKey[] {
  const months: MonthKey[] = [];
  let [y, m] = monthOf(from).split('-').map(Number) as [number, number];
  const last = monthOf(to);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

export { addDays, daysBetween, type DayKey };
