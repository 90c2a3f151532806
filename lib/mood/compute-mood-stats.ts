import { addDays, dayKeyOf, daysBetween, isoWeekday, type DayKey } from '@/lib/time/zoned';

export type MoodRecord = { r: number; s: number; e: string[]; a: string[] };

export const MOOD_RANGES = ['30d', '90d', '1y', 'all'] as const;
export type MoodRange = (typeof MOOD_RANGES)[number];
const RANGE_DAYS: Record<Exclude<MoodRange, 'all'>, number> = { '30d': 30, '90d': 90, '1y': 365 };

/** An activity is compared only with at least this many days with it and this many without it. */
export const MIN_DAYS_EACH_SIDE = 3;
const WEEK_BUCKETS_AFTER_DAYS = 400;
export const WEEKDAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export type MoodPoint = { day: DayKey; average: number; count: number };
export type ActivityEffect = {
  activity: string;
  daysWith: number;
  daysWithout: number;
  averageWith: number;
  averageWithout: number;
  difference: number;
};

export type MoodStats = {
  range: MoodRange;
  from: DayKey | null;
  to: DayKey;
  granularity: 'day' | 'week';
  series: MoodPoint[];
  weekdays: { label: string; average: number | null; days: number }[];
  emotions: { emotion: string; count: number }[];
  activities: ActivityEffect[];
  pixels: { year: number; days: Record<DayKey, number> };
  years: number[];
  summary: { checkIns: number; days: number; average: number | null };
};

type Day = { sum: number; count: number; activities: Set<string> };

/** Days are the user's own calendar days, so a check-in at 00:30 belongs to the day it was written on. */
export function computeMoodStats(
  records: Iterable<MoodRecord>,
  options: { timeZone: string; range: MoodRange; today: DayKey; pixelsYear?: number },
): MoodStats {
  const { timeZone, range, today } = options;
  const byDay = new Map<DayKey, Day>();
  const emotionsByDay: [DayKey, string[]][] = [];
  for (const record of records) {
    const day = dayKeyOf(record.r, timeZone);
    let bucket = byDay.get(day);
    if (!bucket) byDay.set(day, (bucket = { sum: 0, count: 0, activities: new Set() }));
    bucket.sum += record.s;
    bucket.count += 1;
    for (const activity of record.a) bucket.activities.add(activity);
    emotionsByDay.push([day, record.e]);
  }

  const allDays = [...byDay.keys()].sort();
  const from = range === 'all' ? (allDays[0] ?? null) : addDays(today, -(RANGE_DAYS[range] - 1));
  const inRange = (day: DayKey) => (from === null || day >= from) && day <= today;
  const days = allDays.filter(inRange);
  const average = (day: DayKey) => byDay.get(day)!.sum / byDay.get(day)!.count;

  const span = from ? daysBetween(from, today) : 0;
  const granularity = range === 'all' && span > WEEK_BUCKETS_AFTER_DAYS ? 'week' : 'day';
  const series =
    granularity === 'day'
      ? days.map((day) => ({ day, average: round(average(day)), count: byDay.get(day)!.count }))
      : weekly(days, average, byDay);

  const weekdaySums = WEEKDAY_LABELS.map(() => ({ sum: 0, days: 0 }));
  for (const day of days) {
    const slot = weekdaySums[isoWeekday(day)]!;
    slot.sum += average(day);
    slot.days += 1;
  }

  const emotionCounts = new Map<string, number>();
  for (const [day, emotions] of emotionsByDay) {
    if (!inRange(day)) continue;
    for (const emotion of emotions) emotionCounts.set(emotion, (emotionCounts.get(emotion) ?? 0) + 1);
  }

  const years = [...new Set(allDays.map((day) => Number(day.slice(0, 4))))].sort((a, b) => a - b);
  const pixelsYear = options.pixelsYear ?? Number(today.slice(0, 4));
  const pixelDays: Record<DayKey, number> = {};
  for (const day of allDays) if (day.startsWith(`${pixelsYear}-`)) pixelDays[day] = round(average(day));

  const checkIns = days.reduce((n, day) => n + byDay.get(day)!.count, 0);
  return {
    range,
    from,
    to: today,
    granularity,
    series,
    weekdays: weekdaySums.map((slot, i) => ({
      label: WEEKDAY_LABELS[i]!,
      average: slot.days ? round(slot.sum / slot.days) : null,
      days: slot.days,
    })),
    emotions: [...emotionCounts]
      .map(([emotion, count]) => ({ emotion, count }))
      .sort((a, b) => b.count - a.count || a.emotion.localeCompare(b.emotion)),
    activities: activityEffects(days, average, byDay),
    pixels: { year: pixelsYear, days: pixelDays },
    years,
    summary: {
      checkIns,
      days: days.length,
      average: days.length ? round(days.reduce((s, day) => s + average(day), 0) / days.length) : null,
    },
  };
}

/** For each activity: mean daily mood on days with it against days without it, both sides ≥ 3 days. */
function activityEffects(days: DayKey[], average: (day: DayKey) => number, byDay: Map<DayKey, Day>): ActivityEffect[] {
  const activities = new Set<string>();
  for (const day of days) for (const activity of byDay.get(day)!.activities) activities.add(activity);
  const effects: ActivityEffect[] = [];
  for (const activity of activities) {
    let withSum = 0;
    let withDays = 0;
    let withoutSum = 0;
    let withoutDays = 0;
    for (const day of days) {
      if (byDay.get(day)!.activities.has(activity)) {
        withSum += average(day);
        withDays += 1;
      } else {
        withoutSum += average(day);
        withoutDays += 1;
      }
    }
    if (withDays < MIN_DAYS_EACH_SIDE || withoutDays < MIN_DAYS_EACH_SIDE) continue;
    const averageWith = withSum / withDays;
    const averageWithout = withoutSum / withoutDays;
    effects.push({
      activity,
      daysWith: withDays,
      daysWithout: withoutDays,
      averageWith: round(averageWith),
      averageWithout: round(averageWithout),
      difference: round(averageWith - averageWithout),
    });
  }
  return effects.sort(
    (a, b) => Math.abs(b.difference) - Math.abs(a.difference) || a.activity.localeCompare(b.activity),
  );
}

/** Long ranges are charted per ISO week (Monday start): 3,650 daily points would be unreadable. */
function weekly(days: DayKey[], average: (day: DayKey) => number, byDay: Map<DayKey, Day>): MoodPoint[] {
  const weeks = new Map<DayKey, { sum: number; days: number; count: number }>();
  for (const day of days) {
    const monday = addDays(day, -isoWeekday(day));
    const week = weeks.get(monday) ?? { sum: 0, days: 0, count: 0 };
    week.sum += average(day);
    week.days += 1;
    week.count += byDay.get(day)!.count;
    weeks.set(monday, week);
  }
  return [...weeks].map(([day, week]) => ({ day, average: round(week.sum / week.days), count: week.count }));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
