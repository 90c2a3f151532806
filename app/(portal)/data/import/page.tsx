import type { Metadata } from 'next';
import { ImportPanel } from '@/components/data/import-panel';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Import data' };

export default async function ImportPage() {
  await requireUser();
  return (
    <>
      <PageHeader
        title="Import data"
        description="Restore a wellsync export, or move in from Daylio or Day One. Entries go through the same sync rules as your phones."
      />
      <ImportPanel />
    </>
  );
}
