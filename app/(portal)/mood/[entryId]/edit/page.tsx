import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DeleteEntryButton } from '@/components/journal/delete-entry-button';
import { MoodEditor } from '@/components/mood/mood-editor';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';
import { getCheckIn } from '@/lib/mood/list-recent-check-ins';
import { getProfile } from '@/lib/profile/get-profile';
import { toWire } from '@/lib/sync/wire';
import { formatDateTime } from '@/lib/time/zoned';

export const metadata: Metadata = { title: 'Edit check-in' };

export default async function EditCheckInPage({ params }: PageProps<'/mood/[entryId]/edit'>) {
  const caller = await requireUser();
  const { entryId } = await params;
  const [entry, profile] = await Promise.all([getCheckIn(caller, entryId), getProfile(caller)]);
  if (!entry) notFound();
  const { id, ...version } = entry;
  const base = toWire(version);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Edit check-in"
        description={`Recorded ${formatDateTime(entry.recordedAt.toMillis(), profile.timezone)}`}
        actions={<DeleteEntryButton collection="mood_entries" id={id} base={base} what="check-in" returnTo="/mood" />}
      />
      <MoodEditor
        id={id}
        base={base}
        initial={{ score: entry.score, emotions: entry.emotions, activities: entry.activities, note: entry.note ?? '' }}
      />
    </div>
  );
}
