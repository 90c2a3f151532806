import 'server-only';
import type { UserScope } from '@/lib/auth/scope';
import { readDerivedView } from '@/lib/derived-views/derived-view';
import { memoByView } from '@/lib/derived-views/memo-by-view';
import { getProfile } from '@/lib/profile/get-profile';
import { dayKeyOf } from '@/lib/time/zoned';
import { computeMoodStats, type MoodRecord, type MoodRange, type MoodStats } from './compute-mood-stats';
import { moodView } from './mood-view';

type StatsOptions = { timeZone: string; range: MoodRange; today: string; pixelsYear?: number };

// Statistics depend only on the view and these options, so a view that has not changed is not summarised again
// (about 7,000 time-zone conversions for ten years of check-ins). `today` in the key starts a new day's figures.
const statsOf = memoByView((records: ReadonlyMap<string, MoodRecord>, key: string) =>
  computeMoodStats(records.values(), JSON.parse(key) as StatsOptions),
);

/** The mood page's data: the whole history from the mood-days view, summarised in the user's time zone. */
export async function getMoodHistory(
  scope: UserScope,
  options: { range: MoodRange; year?: number; now?: number },
): Promise<MoodStats & { timeZone: string }> {
  const [profile, records] = await Promise.all([getProfile(scope), readDerivedView(scope, moodView)]);
  const today = dayKeyOf(options.now ?? Date.now(), profile.timezone);
  const statsOptions: StatsOptions = {
    timeZone: profile.timezone,
    range: options.range,
    today,
    pixelsYear: options.year,
  };
  return { ...statsOf(records, JSON.stringify(statsOptions)), timeZone: profile.timezone };
}
