import type { Metadata } from 'next';
import { FreshnessNotice } from '@/components/admin/freshness-notice';
import { StatCard } from '@/components/admin/stat-card';
import { PageHeader } from '@/components/ui/page-header';
import { formatMetric } from '@/lib/admin/format-metric';
import { getAdminOverview } from '@/lib/admin/get-admin-overview';
import { viewAdminPage } from '@/lib/admin/view-admin-page';

export const metadata: Metadata = { title: 'Overview' };

export default async function AdminOverviewPage() {
  const { caller, nowMs } = await viewAdminPage('/admin');
  const overview = await getAdminOverview(caller, nowMs);
  return (
    <>
      <PageHeader
        title="Sync health at a glance"
        description="The product's success metrics against their targets, over the last 30 days."
      />
      <FreshnessNotice freshness={overview.freshness} nowMs={nowMs} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {overview.metrics.map((metric) => (
          <StatCard
            key={metric.id}
            label={metric.label}
            value={formatMetric(metric.value, metric.kind)}
            target={metric.target}
            status={metric.status}
            detail={metric.detail}
            href={metric.href}
          />
        ))}
      </div>
    </>
  );
}
