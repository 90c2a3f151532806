import 'server-only';
import { AppError } from '@/lib/errors/app-error';
import type { UserScope } from '@/lib/auth/scope';
import { CONFLICTS, COLLECTION_OF_TYPE, type SyncType } from '@/lib/contract/paths';
import { resetDerivedView } from '@/lib/derived-views/derived-view';
import { adminDb } from '@/lib/firebase/admin';
import { readDoc, runCount, runQuery } from '@/lib/firebase/metered';
import { userCollection, userRef } from '@/lib/firebase/refs';
import { journalSearchView } from '@/lib/journal/journal-search-view';
import { moodView } from '@/lib/mood/mood-view';
import { getSyncSettings } from './get-sync-settings';
import { STORAGE_VIEWS } from './storage-views';

export type RemovalProgress = { deleted: number; total: number };

const PAGE = 300;
const VIEWS = {
  journal: [journalSearchView.name, STORAGE_VIEWS.journal.name],
  mood: [moodView.name, STORAGE_VIEWS.mood.name],
  profile: [],
} satisfies Record<SyncType, string[]>;

/** Paged, reporting progress, and re-runnable to finish after an interruption. Phones keep their own copies. */
export async function* removeCloudCopy(scope: UserScope, type: SyncType): AsyncGenerator<RemovalProgress> {
  const settings = await getSyncSettings(scope);
  if (settings.collections[type] && settings.enabled) {
    throw new AppError(
      'conflict',
      `Turn ${type} sync off before removing its cloud copy, or your phones would upload it again.`,
    );
  }
  if (type === 'profile') {
    const exists = (await readDoc(userRef(scope))).exists;
    if (exists) await userRef(scope).delete();
    yield { deleted: exists ? 1 : 0, total: exists ? 1 : 0 };
    return;
  }
  const collection = COLLECTION_OF_TYPE[type];
  const conflicts = userCollection(scope, CONFLICTS).where('collection', '==', collection);
  const total = (await runCount(userCollection(scope, collection))) + (await runCount(conflicts));
  let deleted = 0;
  yield { deleted, total };
  try {
    for (const query of [userCollection(scope, collection).limit(PAGE), conflicts.limit(PAGE)]) {
      for (;;) {
        const page = await runQuery(query);
        if (page.empty) break;
        const batch = adminDb().batch();
        for (const doc of page.docs) batch.delete(doc.ref);
        await batch.commit();
        deleted += page.size;
        yield { deleted, total: Math.max(total, deleted) };
      }
    }
  } finally {
    // No pull cursor sees a deletion, so the views start again, also after a partial failure.
    for (const view of VIEWS[type]) await resetDerivedView(scope, view);
  }
}
