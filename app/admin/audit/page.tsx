import type { Metadata } from 'next';
import { ReportTable } from '@/components/admin/report-table';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { auditTable } from '@/lib/admin/audit-table';
import { listAuditLog } from '@/lib/audit/list-audit-log';
import { viewAdminPage } from '@/lib/admin/view-admin-page';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditLogPage({ searchParams }: PageProps<'/admin/audit'>) {
  const params = await searchParams;
  const { caller } = await viewAdminPage('/admin/audit', params);
  const cursor = typeof params.cursor === 'string' ? params.cursor : undefined;
  const page = await listAuditLog(caller, { cursor });
  const csv = `/api/admin/audit-log?${new URLSearchParams({ format: 'csv', ...(cursor ? { cursor } : {}) })}`;
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every admin page view and API call, and every change to who is an admin: who, what and when. Newest first; this view is logged too."
      />
      {page.entries.length === 0 ? (
        <EmptyState title="No entries on this page">Admin activity appears here as it happens.</EmptyState>
      ) : (
        <ReportTable table={auditTable(page)} csvHref={csv} />
      )}
      <nav aria-label="Audit log pages" className="mt-6 flex gap-3">
        {cursor && <ButtonLink href="/admin/audit">← Newest</ButtonLink>}
        {page.nextCursor && (
          <ButtonLink href={`/admin/audit?cursor=${encodeURIComponent(page.nextCursor)}`}>Older entries →</ButtonLink>
        )}
      </nav>
    </>
  );
}
