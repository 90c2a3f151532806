import type { Metadata } from 'next';
import { AdminChart } from '@/components/admin/admin-chart';
import { PLATFORM_SERIES } from '@/components/admin/chart-series';
import { DateRangePicker } from '@/components/admin/date-range-picker';
import { FreshnessNotice } from '@/components/admin/freshness-notice';
import { ReportTable } from '@/components/admin/report-table';
import { StatCard } from '@/components/admin/stat-card';
import { ChartFrame } from '@/components/ui/chart-frame';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { formatMetric } from '@/lib/admin/format-metric';
import { loadReportPage } from '@/lib/admin/load-report-page';

export const metadata: Metadata = { title: 'Adoption' };

export default async function AdoptionPage({ searchParams }: PageProps<'/admin/adoption'>) {
  const {
    report: report,
    range,
    problem,
    today,
    nowMs,
    path,
    table,
    csv: href,
  } = await loadReportPage('adoption', await searchParams);
  const latest = report.latest;

  return (
    <>
      <PageHeader
        title="Adoption"
        description={`Who has cloud sync on, which types they sync, and their devices, ${range.from} to ${range.to}.`}
      />
      <DateRangePicker path={path} range={range} today={today} />
      {problem && (
        <Notice tone="warning" className="mb-6">
          {problem}
        </Notice>
      )}
      <FreshnessNotice freshness={report.freshness} nowMs={nowMs} />
      {!latest && report.activity.length === 0 ? (
        <EmptyState title="No adoption data in this range">
          Fleet snapshots and telemetry rollups appear here once the aggregator has run over some users.
        </EmptyState>
      ) : (
        <div className="grid gap-6">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <StatCard
              label="Users with cloud sync on"
              value={latest ? formatMetric(latest.users > 0 ? latest.enabled / latest.users : null, 'percent') : '—'}
              detail={
                latest ? `${latest.enabled} of ${latest.users} users, ${latest.day}` : 'No snapshot in this range'
              }
            />
            <StatCard
              label="Active devices (synced in 30 days)"
              value={formatMetric(latest?.devices.active30d ?? null, 'count')}
              detail={latest ? `${latest.devices.total} registered, ${latest.devices.revoked} revoked` : undefined}
            />
            <StatCard label="New devices in range" value={formatMetric(report.totals.newDevices, 'count')} />
            <StatCard label="Most users syncing in a day" value={formatMetric(report.totals.peakDailyUsers, 'count')} />
          </div>

          <ChartFrame
            title="Users with cloud sync on"
            summary={
              latest
                ? `${formatMetric(latest.users > 0 ? latest.enabled / latest.users : null, 'percent')} of users had cloud sync on at the latest snapshot (${latest.day}); one snapshot a day, platforms with fewer than 5 users left out.`
                : 'No snapshot in this range.'
            }
          >
            <AdminChart
              data={report.shareSeries}
              xKey="day"
              valueKind="percent"
              domain={[0, 1]}
              series={[{ key: 'all', label: 'All users', color: 'var(--chart-4)' }, ...PLATFORM_SERIES]}
            />
          </ChartFrame>

          <div className="grid gap-6 lg:grid-cols-2">
            <ChartFrame
              title="Cloud sync by platform"
              summary={
                report.platformRows
                  .map((r) => `${r.platform}: ${formatMetric(r.share, 'percent')} of ${r.users} users`)
                  .join('; ') || 'No platform has 5 users yet.'
              }
            >
              <AdminChart
                data={report.platformRows}
                xKey="platform"
                kind="bar"
                valueKind="percent"
                domain={[0, 1]}
                series={[{ key: 'share', label: 'Sync on', color: 'var(--chart-1)' }]}
              />
            </ChartFrame>
            <ChartFrame
              title="Selective sync uptake"
              summary="Among users with cloud sync on, the share syncing each type, by day."
            >
              <AdminChart
                data={report.typeSeries}
                xKey="day"
                valueKind="percent"
                domain={[0, 1]}
                series={[
                  { key: 'journal', label: 'Journal', color: 'var(--chart-1)' },
                  { key: 'mood', label: 'Mood', color: 'var(--chart-2)' },
                  { key: 'profile', label: 'Profile', color: 'var(--chart-3)' },
                ]}
              />
            </ChartFrame>
          </div>

          <div className="grid gap-6 lg:grid-cols-2">
            <ChartFrame
              title="Devices that synced each day"
              summary={`Distinct devices with at least one sync attempt per day, by platform (a platform with fewer than 5 users that day is left out).`}
            >
              <AdminChart data={report.activity} xKey="day" kind="stacked" valueKind="count" series={PLATFORM_SERIES} />
            </ChartFrame>
            <ChartFrame
              title="New devices"
              summary={`${report.totals.newDevices} devices registered between ${range.from} and ${range.to}.`}
            >
              <AdminChart
                data={report.newDevices}
                xKey="day"
                kind="stacked"
                valueKind="count"
                series={PLATFORM_SERIES}
              />
            </ChartFrame>
          </div>

          <ReportTable
            table={table('platforms')}
            csvHref={href('platforms')}
            emptyText="No platform has 5 users yet."
          />
          <ReportTable
            table={table('selective-sync')}
            csvHref={href('selective-sync')}
            maxRows={14}
            emptyText="No snapshot in this range."
          />
          <ReportTable
            table={table('adoption-daily')}
            csvHref={href('adoption-daily')}
            maxRows={14}
            emptyText="No snapshot in this range."
          />
          <ReportTable table={table('devices-daily')} csvHref={href('devices-daily')} maxRows={14} />
        </div>
      )}
    </>
  );
}
