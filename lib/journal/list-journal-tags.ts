import 'server-only';
import type { UserScope } from '@/lib/auth/scope';
import { readDerivedView } from '@/lib/derived-views/derived-view';
import { journalSearchView } from './journal-search-view';

/** Every tag on a live entry, most used first, from the search view (no scan of the journal). */
export async function listJournalTags(scope: UserScope): Promise<{ tag: string; count: number }[]> {
  const counts = new Map<string, number>();
  for (const record of (await readDerivedView(scope, journalSearchView)).values()) {
    for (const tag of record.t) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
