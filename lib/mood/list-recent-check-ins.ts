import 'server-only';
import { FieldPath } from 'firebase-admin/firestore';
import type { UserScope } from '@/lib/auth/scope';
import { parseDocs, parseDoc, type WithId } from '@/lib/contract/parse-docs';
import { MOOD_ENTRIES } from '@/lib/contract/paths';
import { ZMoodEntry, type MoodEntry } from '@/lib/contract/schemas';
import { readDoc, runQuery } from '@/lib/firebase/metered';
import { userCollection, userDocRef } from '@/lib/firebase/refs';

export async function listRecentCheckIns(scope: UserScope, count = 7): Promise<WithId<MoodEntry>[]> {
  const snapshot = await runQuery(
    userCollection(scope, MOOD_ENTRIES)
      .where('deletedAt', '==', null)
      .orderBy('recordedAt', 'desc')
      .orderBy(FieldPath.documentId(), 'desc')
      .limit(count),
  );
  return parseDocs(ZMoodEntry, snapshot.docs).items;
}

/** One live check-in of the caller's, or null (another user's id does not exist here). */
export async function getCheckIn(scope: UserScope, entryId: string): Promise<WithId<MoodEntry> | null> {
  const snapshot = await readDoc(userDocRef(scope, MOOD_ENTRIES, entryId));
  const entry = snapshot.exists ? parseDoc(ZMoodEntry, snapshot) : null;
  return entry && entry.deletedAt === null ? entry : null;
}
