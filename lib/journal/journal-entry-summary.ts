import type { WithId } from '@/lib/contract/parse-docs';
import type { JournalEntry } from '@/lib/contract/schemas';
import { excerpt, markdownToText } from './markdown-text';

/** What a journal list shows for one entry: plain data, safe to hand to a client component. */
export type JournalEntrySummary = {
  id: string;
  title: string;
  excerpt: string;
  tags: string[];
  mood: number | null;
  createdAtMs: number;
  updatedAtMs: number;
};

export function summarizeEntry(entry: WithId<JournalEntry>, text = markdownToText(entry.body)): JournalEntrySummary {
  return {
    id: entry.id,
    title: entry.title,
    excerpt: excerpt(text),
    tags: entry.tags,
    mood: entry.mood ?? null,
    createdAtMs: entry.createdAt.toMillis(),
    updatedAtMs: entry.updatedAt.toMillis(),
  };
}
