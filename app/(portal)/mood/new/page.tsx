import type { Metadata } from 'next';
import { v7 as uuidv7 } from 'uuid';
import { MoodEditor } from '@/components/mood/mood-editor';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'New check-in' };

export default async function NewCheckInPage() {
  await requireUser();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="New check-in" />
      <MoodEditor id={uuidv7()} base={null} initial={{ score: null, emotions: [], activities: [], note: '' }} />
    </div>
  );
}
