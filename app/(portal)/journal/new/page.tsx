import type { Metadata } from 'next';
import { v7 as uuidv7 } from 'uuid';
import { JournalEditor } from '@/components/journal/journal-editor';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'New entry' };

export default async function NewJournalEntryPage() {
  await requireUser();
  // The id is chosen up front, as on a phone: saving twice (or offline, then again) updates one entry.
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="New entry" description="Saved on this browser first, then synced to your phones." />
      <JournalEditor id={uuidv7()} base={null} initial={{ title: '', body: '', tags: [], mood: null }} />
    </div>
  );
}
