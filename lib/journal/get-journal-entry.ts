import 'server-only';
import type { UserScope } from '@/lib/auth/scope';
import { parseDoc, type WithId } from '@/lib/contract/parse-docs';
import { JOURNAL_ENTRIES } from '@/lib/contract/paths';
import { ZJournalEntry, type JournalEntry } from '@/lib/contract/schemas';
import { readDoc } from '@/lib/firebase/metered';
import { userDocRef } from '@/lib/firebase/refs';

/** Built from the caller's uid, so another user's id does not exist here: 404, never 403. */
export async function getJournalEntry(scope: UserScope, entryId: string): Promise<WithId<JournalEntry> | null> {
  const snapshot = await readDoc(userDocRef(scope, JOURNAL_ENTRIES, entryId));
  if (!snapshot.exists) return null;
  const entry = parseDoc(ZJournalEntry, snapshot);
  return entry && entry.deletedAt === null ? entry : null;
}
