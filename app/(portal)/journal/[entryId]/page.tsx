import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DeleteEntryButton } from '@/components/journal/delete-entry-button';
import { MarkdownBody } from '@/components/journal/markdown-body';
import { ButtonLink } from '@/components/ui/button';
import { MoodBadge } from '@/components/mood/mood-badge';
import { requireUser } from '@/lib/auth/current-user';
import { getJournalEntry } from '@/lib/journal/get-journal-entry';
import { getProfile } from '@/lib/profile/get-profile';
import { toWire } from '@/lib/sync/wire';
import { formatDateTime } from '@/lib/time/zoned';

// Entry titles are private: the browser tab shows a generic title.
export const metadata: Metadata = { title: 'Journal entry' };

export default async function JournalEntryPage({ params }: PageProps<'/journal/[entryId]'>) {
  const caller = await requireUser();
  const { entryId } = await params;
  const [entry, profile] = await Promise.all([getJournalEntry(caller, entryId), getProfile(caller)]);
  if (!entry) notFound();
  const { id, ...version } = entry;
  const created = entry.createdAt.toMillis();
  const updated = entry.updatedAt.toMillis();
  return (
    <article className="mx-auto max-w-3xl">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Link href="/journal" className="text-sm text-muted underline">
          ← All entries
        </Link>
        <div className="flex gap-2">
          <ButtonLink href={`/journal/${encodeURIComponent(id)}/edit`}>Edit</ButtonLink>
          <DeleteEntryButton
            collection="journal_entries"
            id={id}
            base={toWire(version)}
            what="entry"
            returnTo="/journal"
          />
        </div>
      </div>
      <h1 className="mt-4 text-3xl font-semibold tracking-tight">{entry.title || 'Untitled entry'}</h1>
      <p className="mt-2 text-sm text-muted">
        Written <time dateTime={new Date(created).toISOString()}>{formatDateTime(created, profile.timezone)}</time>
        {updated - created > 60_000 && (
          <>
            {' · '}edited{' '}
            <time dateTime={new Date(updated).toISOString()}>{formatDateTime(updated, profile.timezone)}</time>
          </>
        )}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        {entry.mood != null && <MoodBadge score={entry.mood} />}
        {entry.tags.map((tag) => (
          <Link
            key={tag}
            href={`/journal?tag=${encodeURIComponent(tag)}`}
            className="rounded-full bg-accent-soft px-2 py-0.5 text-xs hover:underline"
          >
            #{tag}
          </Link>
        ))}
      </div>
      <div className="mt-6 rounded-xl border border-border bg-card p-6">
        <MarkdownBody markdown={entry.body} />
      </div>
    </article>
  );
}
