import 'server-only';
import type { UserScope } from '@/lib/auth/scope';
import { readDerivedView } from '@/lib/derived-views/derived-view';
import { memoByView } from '@/lib/derived-views/memo-by-view';
import { journalSearchView, type JournalSearchRecord } from './journal-search-view';

export type JournalTagCount = { tag: string; count: number };

const countTags = memoByView((view: ReadonlyMap<string, JournalSearchRecord>): readonly JournalTagCount[] => {
  const counts = new Map<string, number>();
  for (const record of view.values()) for (const tag of record.t) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
});

/** Every tag on a live entry, most used first, from the search view (no scan of the journal); shared, read-only. */
export async function listJournalTags(scope: UserScope): Promise<readonly JournalTagCount[]> {
  return countTags(await readDerivedView(scope, journalSearchView));
}
