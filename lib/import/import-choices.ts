import { z } from 'zod';
import { isIanaTimeZone } from '@/lib/contract/schemas';
import { moodKey, ZMoodMap, type MoodMap } from './daylio-moods';

export const ZImportTimeZone = z
  .string()
  .max(64)
  .refine(isIanaTimeZone, 'Expected an IANA time zone such as Europe/Berlin');

/** Apply takes the choices the user reviewed, so a preview changed in another tab is not applied unseen. */
export const ZImportChoices = z.object({ timeZone: ZImportTimeZone.optional(), moodMap: ZMoodMap.optional() }).strict();
export type ImportChoices = z.infer<typeof ZImportChoices>;
export const ZPreviewImportRequest = ZImportChoices;
export const ZApplyImportRequest = ZImportChoices.optional();

export type TimeZoneSource = 'profile' | 'utc' | 'chosen';

export function sameMoodMap(a: MoodMap, b: MoodMap): boolean {
  const levels = new Map(a.map((m) => [moodKey(m.name), m.level]));
  return a.length === b.length && b.every((m) => levels.get(moodKey(m.name)) === m.level);
}
