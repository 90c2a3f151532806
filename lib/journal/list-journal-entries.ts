import 'server-only';
import { FieldPath, Timestamp, type Query } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { UserScope } from '@/lib/auth/scope';
import { parseDocs, type SkippedDoc } from '@/lib/contract/parse-docs';
import { JOURNAL_ENTRIES } from '@/lib/contract/paths';
import { ZJournalEntry } from '@/lib/contract/schemas';
import { runQuery } from '@/lib/firebase/metered';
import { userCollection } from '@/lib/firebase/refs';
import { decodeCursor, encodeCursor } from './journal-query';
import { summarizeEntry, type JournalEntrySummary } from './journal-entry-summary';

export type JournalPage = { entries: JournalEntrySummary[]; nextCursor: string | null; skipped: SkippedDoc[] };
export type JournalListOptions = { tag?: string; fromMs?: number; toMs?: number; cursor?: string; pageSize?: number };

const ZListCursor = z.tuple([z.number().int(), z.number().int().min(0).max(999_999_999), z.string().min(1)]);

/** About `pageSize` reads however long the journal is (composite indexes in firestore.indexes.json). */
export async function listJournalEntries(scope: UserScope, options: JournalListOptions = {}): Promise<JournalPage> {
  const pageSize = options.pageSize ?? 20;
  let query: Query = userCollection(scope, JOURNAL_ENTRIES).where('deletedAt', '==', null);
  if (options.tag) query = query.where('tags', 'array-contains', options.tag);
  if (options.fromMs !== undefined) query = query.where('createdAt', '>=', Timestamp.fromMillis(options.fromMs));
  if (options.toMs !== undefined) query = query.where('createdAt', '<', Timestamp.fromMillis(options.toMs));
  query = query.orderBy('createdAt', 'desc').orderBy(FieldPath.documentId(), 'desc');
  const after = options.cursor ? decodeCursor(options.cursor, ZListCursor) : null;
  if (after) query = query.startAfter(new Timestamp(after[0], after[1]), after[2]);

  const snapshot = await runQuery(query.limit(pageSize + 1));
  const hasMore = snapshot.size > pageSize;
  const docs = snapshot.docs.slice(0, pageSize);
  const { items, skipped } = parseDocs(ZJournalEntry, docs);
  const last = docs.at(-1);
  const lastCreated = last?.get('createdAt') as Timestamp | undefined;
  return {
    entries: items.map((entry) => summarizeEntry(entry)),
    nextCursor:
      hasMore && last && lastCreated ? encodeCursor([lastCreated.seconds, lastCreated.nanoseconds, last.id]) : null,
    skipped,
  };
}
