import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { isValidDayKey } from '@/lib/time/zoned';
import { addDays, daysBetween, type DayKey } from '@/lib/metrics/utc-days';

export const RANGE_PRESETS = ['7d', '30d', '90d', '180d', '365d'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET: RangePreset = '30d';
export const MAX_RANGE_DAYS = 400;

const ZDay = z.string().refine(isValidDayKey, 'Expected a date like 2026-11-25');
export const ZAdminRangeQuery = z.object({
  range: z.enum(RANGE_PRESETS).optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
});
export type AdminRangeQuery = z.infer<typeof ZAdminRangeQuery>;

export type AdminRange = { from: DayKey; to: DayKey; days: number; preset: RangePreset | null };

export function presetRange(preset: RangePreset, today: DayKey): AdminRange {
  const days = Number(preset.slice(0, -1));
  return { from: addDays(today, -(days - 1)), to: today, days, preset };
}

export function resolveRange(query: AdminRangeQuery, today: DayKey): AdminRange {
  if (!query.from && !query.to) return presetRange(query.range ?? DEFAULT_PRESET, today);
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -29);
  const problem =
    from > to
      ? 'The start date is after the end date.'
      : to > today
        ? `The end date is in the future; the latest day with data is ${today}.`
        : daysBetween(from, to) + 1 > MAX_RANGE_DAYS
          ? `Choose at most ${MAX_RANGE_DAYS} days.`
          : null;
  if (problem)
    throw new AppError('validation', `The date range is not valid. ${problem}`, [{ path: 'from', message: problem }]);
  return { from, to, days: daysBetween(from, to) + 1, preset: null };
}

/** For pages: an invalid range falls back to the default, with the reason to show. */
export function resolveRangeForPage(
  params: Record<string, string | string[] | undefined>,
  today: DayKey,
): { range: AdminRange; problem: string | null } {
  const parsed = ZAdminRangeQuery.safeParse({
    range: params.range,
    from: params.from || undefined,
    to: params.to || undefined,
  });
  if (!parsed.success)
    return {
      range: presetRange(DEFAULT_PRESET, today),
      problem: `${parsed.error.issues[0]?.message ?? 'The dates are not valid.'} Showing the last 30 days.`,
    };
  try {
    return { range: resolveRange(parsed.data, today), problem: null };
  } catch (error) {
    if (error instanceof AppError)
      return { range: presetRange(DEFAULT_PRESET, today), problem: `${error.message} Showing the last 30 days.` };
    throw error;
  }
}
