import 'server-only';
import { z } from 'zod';
import type { UserScope } from '@/lib/auth/scope';
import { parseDocs } from '@/lib/contract/parse-docs';
import { JOURNAL_ENTRIES } from '@/lib/contract/paths';
import { ZJournalEntry } from '@/lib/contract/schemas';
import { readDerivedView } from '@/lib/derived-views/derived-view';
import { adminDb } from '@/lib/firebase/admin';
import { readDocs } from '@/lib/firebase/metered';
import { userDocRef } from '@/lib/firebase/refs';
import { journalSearchView, type JournalSearchRecord } from './journal-search-view';
import { decodeCursor, encodeCursor } from './journal-query';
import { summarizeEntry, type JournalEntrySummary } from './journal-entry-summary';
import { excerptAround, markdownToText } from './markdown-text';
import { matchesAll, tokenize } from './tokenize';
import type { JournalListOptions, JournalPage } from './list-journal-entries';

export type JournalSearchPage = JournalPage & { total: number; queryTokens: string[] };

const ZSearchCursor = z.tuple([z.number().int(), z.string().min(1)]);

/** Firestore has no full-text search: docs/architecture.md, "Search". */
export async function searchJournal(
  scope: UserScope,
  q: string,
  options: JournalListOptions = {},
): Promise<JournalSearchPage> {
  const pageSize = options.pageSize ?? 20;
  const queryTokens = [...new Set(tokenize(q))];
  const view = await readDerivedView(scope, journalSearchView);

  const matches: [string, JournalSearchRecord][] = [];
  for (const [id, record] of view) {
    if (options.tag && !record.t.includes(options.tag)) continue;
    if (options.fromMs !== undefined && record.c < options.fromMs) continue;
    if (options.toMs !== undefined && record.c >= options.toMs) continue;
    if (queryTokens.length > 0 && !matchesAll(record.w, queryTokens)) continue;
    matches.push([id, record]);
  }
  matches.sort(([idA, a], [idB, b]) => b.c - a.c || (idB < idA ? -1 : idB > idA ? 1 : 0));

  const after = options.cursor ? decodeCursor(options.cursor, ZSearchCursor) : null;
  const start = after
    ? matches.findIndex(([id, record]) => record.c < after[0] || (record.c === after[0] && id < after[1]))
    : 0;
  const page = start < 0 ? [] : matches.slice(start, start + pageSize);
  const snapshots = await readDocs(
    adminDb(),
    page.map(([id]) => userDocRef(scope, JOURNAL_ENTRIES, id)),
  );
  const { items, skipped } = parseDocs(
    ZJournalEntry,
    snapshots.filter((s) => s.exists),
  );

  const last = page.at(-1);
  const hasMore = start >= 0 && start + pageSize < matches.length;
  return {
    entries: items
      .filter((entry) => entry.deletedAt === null)
      .map((entry): JournalEntrySummary => {
        const text = markdownToText(entry.body);
        return { ...summarizeEntry(entry, text), excerpt: excerptAround(text, queryTokens) };
      }),
    nextCursor: hasMore && last ? encodeCursor([last[1].c, last[0]]) : null,
    skipped,
    total: matches.length,
    queryTokens,
  };
}
