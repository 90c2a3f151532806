import { z } from 'zod';
import { isIanaTimeZone } from '@/lib/contract/schemas';
import { moodKey, ZMoodMap, type MoodMap } from './daylio-moods';

export const ZImportTimeZone = z
  .string()
  .max(64)
  .refine(isIanaTimeZone, 'Expected an IANA time zone such as Europe/Berlin');

/**
 * What the user decides in the preview: the zone a Daylio CSV's local times are read in, and the level of each
 * mood name. The preview route takes them to preview again; the apply route takes the ones the user reviewed, so
 * that a preview changed meanwhile (in another tab) is not applied unseen.
 */
export const ZImportChoices = z.object({ timeZone: ZImportTimeZone.optional(), moodMap: ZMoodMap.optional() }).strict();
export type ImportChoices = z.infer<typeof ZImportChoices>;
export const ZPreviewImportRequest = ZImportChoices;
export const ZApplyImportRequest = ZImportChoices.optional();

/** Where the zone used came from, so the preview can say so. */
export type TimeZoneSource = 'profile' | 'utc' | 'chosen';

/** The same levels for the same names, in any order and whatever the case of the names. */
export function sameMoodMap(a: MoodMap, b: MoodMap): boolean {
  const levels = new Map(a.map((m) => [moodKey(m.name), m.level]));
  return a.length === b.length && b.every((m) => levels.get(moodKey(m.name)) === m.level);
}
