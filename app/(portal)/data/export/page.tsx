import type { Metadata } from 'next';
import { ExportPanel } from '@/components/data/export-panel';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Export your data' };

export default async function ExportPage() {
  await requireUser();
  return (
    <>
      <PageHeader
        title="Export your data"
        description="A copy of what wellsync holds, in a structured format any program can read (GDPR Art. 15 and 20)."
      />
      <ExportPanel />
    </>
  );
}
