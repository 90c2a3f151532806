import 'server-only';
import type { DocumentData } from 'firebase-admin/firestore';
import { JOURNAL_ENTRIES } from '@/lib/contract/paths';
import { ZJournalEntry } from '@/lib/contract/schemas';
import type { DerivedViewSpec } from '@/lib/derived-views/derived-view';
import { markdownToText } from './markdown-text';
import { indexTokens } from './tokenize';

/** One live entry in the search view: when it was written, its tags, and its distinct words. */
export type JournalSearchRecord = { c: number; t: string[]; w: string };

/** Words beyond this many distinct ones in a single entry are not indexed (a 100,000-character entry stays searchable by its first ~3,000 words). */
const MAX_TOKENS_PER_ENTRY = 3000;

export const journalSearchView: DerivedViewSpec<JournalSearchRecord> = {
  name: 'journal-search',
  version: 1,
  collection: JOURNAL_ENTRIES,
  toRecord(data: DocumentData) {
    const parsed = ZJournalEntry.safeParse(data);
    if (!parsed.success || parsed.data.deletedAt !== null) return null;
    const entry = parsed.data;
    return {
      c: entry.createdAt.toMillis(),
      t: entry.tags,
      w: indexTokens([entry.title, markdownToText(entry.body), ...entry.tags], MAX_TOKENS_PER_ENTRY),
    };
  },
};
