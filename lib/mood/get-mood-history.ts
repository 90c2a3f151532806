import 'server-only';
import type { UserScope } from '@/lib/auth/scope';
import { readDerivedView } from '@/lib/derived-views/derived-view';
import { getProfile } from '@/lib/profile/get-profile';
import { dayKeyOf } from '@/lib/time/zoned';
import { computeMoodStats, type MoodRange, type MoodStats } from './compute-mood-stats';
import { moodView } from './mood-view';

/** The mood page's data: the whole history from the mood-days view, summarised in the user's time zone. */
export async function getMoodHistory(
  scope: UserScope,
  options: { range: MoodRange; year?: number; now?: number },
): Promise<MoodStats & { timeZone: string }> {
  const [profile, records] = await Promise.all([getProfile(scope), readDerivedView(scope, moodView)]);
  const today = dayKeyOf(options.now ?? Date.now(), profile.timezone);
  return {
    ...computeMoodStats(records.values(), {
      timeZone: profile.timezone,
      range: options.range,
      today,
      pixelsYear: options.year,
    }),
    timeZone: profile.timezone,
  };
}
