import type { Metadata } from 'next';
import { AdminChart } from '@/components/admin/admin-chart';
import { DateRangePicker } from '@/components/admin/date-range-picker';
import { FreshnessNotice } from '@/components/admin/freshness-notice';
import { ReportTable } from '@/components/admin/report-table';
import { StatCard } from '@/components/admin/stat-card';
import { ChartFrame } from '@/components/ui/chart-frame';
import { EmptyState } from '@/components/ui/empty-state';
import { Notice } from '@/components/ui/notice';
import { PageHeader } from '@/components/ui/page-header';
import { getEnv } from '@/lib/config/env';
import { formatUsd } from '@/lib/format/format-quantities';
import { formatMetric } from '@/lib/admin/format-metric';
import { loadReportPage } from '@/lib/admin/load-report-page';

export const metadata: Metadata = { title: 'Cost' };

export default async function CostPage({ searchParams }: PageProps<'/admin/cost'>) {
  const {
    report: report,
    range,
    problem,
    today,
    nowMs,
    path,
    table,
    csv: href,
  } = await loadReportPage('cost', await searchParams);
  const month = report.month;
  const q = month?.quantiles;
  const target = { value: report.target, label: `${formatUsd(report.target)} target` };
  const prices = getEnv().prices;
  const status = (value: number | undefined) =>
    value === undefined ? 'unknown' : value < report.target ? 'met' : 'missed';

  return (
    <>
      <PageHeader
        title="Cost per syncing user"
        description={`Estimated Firestore cost per user who synced, from metered reads, writes and deletes plus storage, ${range.from} to ${range.to}.`}
      />
      <DateRangePicker path={path} range={range} today={today} />
      {problem && (
        <Notice tone="warning" className="mb-6">
          {problem}
        </Notice>
      )}
      <FreshnessNotice freshness={report.freshness} nowMs={nowMs} />
      {report.pricesChanged && (
        <Notice tone="warning" title="Prices changed since the last rollup" className="mb-6">
          {month?.month} was priced with other prices than the ones configured now. Run{' '}
          <code>npm run metrics:rollup -- --full</code> to price it again.
        </Notice>
      )}
      {!month && report.daily.length === 0 ? (
        <EmptyState title="No cost data in this range">
          Per-user costs appear once the aggregator has rolled up some sync telemetry.
        </EmptyState>
      ) : (
        <div className="grid gap-6">
          <p className="text-sm text-muted">
            Prices: ${prices.readsPer100k} per 100k reads, ${prices.writesPer100k} per 100k writes, $
            {prices.deletesPer100k} per 100k deletes, ${prices.storageGibMonth} per GiB-month
            {prices.freeTier ? ', free tier taken off the fleet.' : ', free tier not counted.'} A month in progress is
            projected to its end.
          </p>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <StatCard
              label={`p50 per user${month ? `, ${month.month}` : ''}`}
              value={formatMetric(q?.p50 ?? null, 'usd')}
              target="under $2"
              status={status(q?.p50)}
            />
            <StatCard
              label="p95 per user"
              value={formatMetric(q?.p95 ?? null, 'usd')}
              target="under $2"
              status={status(q?.p95)}
            />
            <StatCard
              label="p99 per user"
              value={formatMetric(q?.p99 ?? null, 'usd')}
              target="under $2"
              status={status(q?.p99)}
            />
            <StatCard
              label="Most expensive user"
              value={formatMetric(q?.max ?? null, 'usd')}
              target="under $2"
              status={status(q?.max)}
              detail={month ? `${month.overTarget} of ${month.syncingUsers} syncing users over $2` : undefined}
            />
          </div>
          {month && !q && (
            <Notice tone="info">Fewer than 5 users synced in {month.month}, so the distribution is hidden.</Notice>
          )}

          <div className="grid gap-6 lg:grid-cols-2">
            <ChartFrame
              title="Distribution of monthly cost per user"
              summary={
                q
                  ? `Half the ${month!.syncingUsers} syncing users cost under ${formatMetric(q.p50, 'usd')} a month; 95% under ${formatMetric(q.p95, 'usd')}. Bars above $2 are over the target.`
                  : 'Hidden below 5 syncing users.'
              }
            >
              <AdminChart
                data={report.bins}
                xKey="label"
                kind="bar"
                valueKind="count"
                highlightKey="overTarget"
                series={[{ key: 'users', label: 'Users', color: 'var(--chart-1)' }]}
              />
            </ChartFrame>
            <ChartFrame
              title="Cost per user by month"
              summary={`p50, p95 and the most expensive user per month against the $2 target (${report.trend.length} months).`}
            >
              <AdminChart
                data={report.trend}
                xKey="month"
                kind="bar"
                valueKind="usd"
                target={target}
                series={[
                  { key: 'p50', label: 'p50', color: 'var(--chart-1)' },
                  { key: 'p95', label: 'p95', color: 'var(--chart-2)' },
                  { key: 'max', label: 'max', color: 'var(--chart-3)' },
                ]}
              />
            </ChartFrame>
          </div>

          <ChartFrame
            title="Fleet operations cost per day"
            summary="What the fleet's sync reads, writes and deletes cost each day (storage is billed per month and is not in this chart)."
          >
            <AdminChart
              data={report.daily}
              xKey="day"
              kind="stacked"
              valueKind="usd"
              series={[
                { key: 'reads', label: 'Reads', color: 'var(--chart-1)' },
                { key: 'writes', label: 'Writes', color: 'var(--chart-2)' },
                { key: 'deletes', label: 'Deletes', color: 'var(--chart-3)' },
              ]}
            />
          </ChartFrame>

          <ReportTable
            table={table('distribution')}
            csvHref={href('distribution')}
            emptyText="Hidden below 5 syncing users."
          />
          <ReportTable
            table={table('top-users')}
            csvHref={href('top-users')}
            emptyText="No syncing users in this month."
          />
          <ReportTable table={table('trend')} csvHref={href('trend')} />
          <ReportTable table={table('daily')} csvHref={href('daily')} maxRows={14} />
        </div>
      )}
    </>
  );
}
