import Link from 'next/link';
import { MoodBadge } from '@/components/mood/mood-badge';
import type { JournalEntrySummary } from '@/lib/journal/journal-entry-summary';
import { formatDateTime } from '@/lib/time/zoned';
import { Highlight } from './highlight';

export function JournalEntryCard({
  entry,
  timeZone,
  highlight = [],
}: {
  entry: JournalEntrySummary;
  timeZone: string;
  highlight?: readonly string[];
}) {
  return (
    <article className="rounded-xl border border-border bg-card p-5 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">
          <Link href={`/journal/${encodeURIComponent(entry.id)}`} className="hover:underline">
            <Highlight text={entry.title || 'Untitled entry'} tokens={highlight} />
          </Link>
        </h2>
        <time dateTime={new Date(entry.createdAtMs).toISOString()} className="text-sm text-muted">
          {formatDateTime(entry.createdAtMs, timeZone)}
        </time>
      </div>
      {entry.excerpt && (
        <p className="mt-2 text-sm leading-relaxed text-muted">
          <Highlight text={entry.excerpt} tokens={highlight} />
        </p>
      )}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        {entry.mood !== null && <MoodBadge score={entry.mood} />}
        {entry.tags.map((tag) => (
          <Link
            key={tag}
            href={`/journal?tag=${encodeURIComponent(tag)}`}
            className="rounded-full bg-accent-soft px-2 py-0.5 text-xs hover:underline"
          >
            #<Highlight text={tag} tokens={highlight} />
          </Link>
        ))}
      </div>
    </article>
  );
}
