import 'server-only';
import type { DocumentData } from 'firebase-admin/firestore';
import { MOOD_ENTRIES } from '@/lib/contract/paths';
import { ZMoodEntry } from '@/lib/contract/schemas';
import type { DerivedViewSpec } from '@/lib/derived-views/derived-view';
import type { MoodRecord } from './compute-mood-stats';

/** The mood-days view: every live check-in's time, score, emotions and activities (no notes). */
export const moodView: DerivedViewSpec<MoodRecord> = {
  name: 'mood-days',
  version: 1,
  collection: MOOD_ENTRIES,
  toRecord(data: DocumentData) {
    const parsed = ZMoodEntry.safeParse(data);
    if (!parsed.success || parsed.data.deletedAt !== null) return null;
    const entry = parsed.data;
    return { r: entry.recordedAt.toMillis(), s: entry.score, e: entry.emotions, a: entry.activities };
  },
};
