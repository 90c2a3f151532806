import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { JournalEditor } from '@/components/journal/journal-editor';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';
import { getJournalEntry } from '@/lib/journal/get-journal-entry';
import { toWire } from '@/lib/sync/wire';

export const metadata: Metadata = { title: 'Edit entry' };

export default async function EditJournalEntryPage({ params }: PageProps<'/journal/[entryId]/edit'>) {
  const caller = await requireUser();
  const { entryId } = await params;
  const entry = await getJournalEntry(caller, entryId);
  if (!entry) notFound();
  const { id, ...version } = entry;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Edit entry" />
      <JournalEditor
        id={id}
        base={toWire(version)}
        initial={{ title: entry.title, body: entry.body, tags: entry.tags, mood: entry.mood ?? null }}
      />
    </div>
  );
}
