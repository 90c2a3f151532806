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
import { formatMetric } from '@/lib/admin/format-metric';
import { loadReportPage } from '@/lib/admin/load-report-page';
import { LATENCY_TARGET_MS } from '@/lib/metrics/latency-histogram';
import { SUCCESS_SLO } from '@/lib/metrics/slo';

export const metadata: Metadata = { title: 'Reliability' };

export default async function ReliabilityPage({ searchParams }: PageProps<'/admin/reliability'>) {
  const {
    report: r,
    range,
    problem,
    today,
    nowMs,
    path,
    table,
    csv: href,
  } = await loadReportPage('reliability', await searchParams);
  const flagged = r.byRelease.rows.filter((row) => row.flagged);
  const status = (ok: boolean | null) => (ok === null ? 'unknown' : ok ? 'met' : 'missed');

  return (
    <>
      <PageHeader
        title="Sync reliability"
        description={`Success against the ${(SUCCESS_SLO * 100).toFixed(1)}% SLO, latency against ${LATENCY_TARGET_MS / 1000} s, and conflicts, ${range.from} to ${range.to}.`}
      />
      <DateRangePicker path={path} range={range} today={today} />
      {problem && (
        <Notice tone="warning" className="mb-6">
          {problem}
        </Notice>
      )}
      <FreshnessNotice freshness={r.freshness} nowMs={nowMs} />
      {!r.hasData ? (
        <EmptyState title="No sync attempts in this range">
          Reliability charts appear once devices have reported sync attempts and the aggregator has rolled them up.
        </EmptyState>
      ) : (
        <div className="grid gap-6">
          {flagged.length > 0 && (
            <Notice
              tone="error"
              title={`${flagged.length === 1 ? 'A release fails' : `${flagged.length} releases fail`} more than the fleet`}
            >
              {flagged
                .map((row) => `${row.label}: ${formatMetric(row.failureRate, 'percent')} of syncs failed`)
                .join('; ')}{' '}
              (fleet: {formatMetric(r.summary.eligible > 0 ? r.summary.failures / r.summary.eligible : null, 'percent')}
              ).
            </Notice>
          )}
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <StatCard
              label="Sync success in range"
              value={formatMetric(r.summary.successRate, 'percent')}
              target={`${(SUCCESS_SLO * 100).toFixed(1)}%`}
              status={status(r.summary.successRate === null ? null : r.summary.successRate >= SUCCESS_SLO)}
              detail={`${formatMetric(r.summary.failures, 'count')} failures in ${formatMetric(r.summary.eligible, 'count')} attempts`}
            />
            <StatCard
              label="Error budget left (30 days)"
              value={formatMetric(r.budget.remaining, 'percent')}
              status={status(r.budget.remaining === null ? null : r.budget.remaining > 0)}
              detail={`${r.budget.failures} of ${r.budget.allowedFailures.toFixed(1)} allowed failures spent`}
            />
            <StatCard
              label="Latency p95"
              value={formatMetric(r.summary.latency.p95, 'ms')}
              target={`${LATENCY_TARGET_MS / 1000} s`}
              status={status(r.summary.latency.p95 === null ? null : r.summary.latency.p95 <= LATENCY_TARGET_MS)}
              detail={`p50 ${formatMetric(r.summary.latency.p50, 'ms')}, p99 ${formatMetric(r.summary.latency.p99, 'ms')}; ${formatMetric(r.summary.latency.within5s, 'percent')} within 5 s`}
            />
            <StatCard
              label={`Conflicts unresolved past ${r.dataLoss.latest?.staleDays ?? 7} days`}
              value={formatMetric(r.dataLoss.latest?.stale ?? null, 'count')}
              target="0 (zero data loss)"
              status={status(r.dataLoss.latest ? r.dataLoss.latest.stale === 0 : null)}
              detail={
                r.dataLoss.latest
                  ? `${r.dataLoss.latest.unresolved} unresolved in all; ${formatMetric(r.summary.conflicts, 'count')} conflicts reported in range`
                  : 'No snapshot in this range'
              }
            />
          </div>

          <section aria-labelledby="burn-title" className="rounded-xl border border-border bg-card p-5 shadow-sm">
            <h2 id="burn-title" className="text-base font-semibold">
              Error-budget burn rates
            </h2>
            <p className="mb-3 mt-1 text-xs text-muted">
              A burn rate of 1 spends the 30-day budget exactly in 30 days. Alert thresholds follow the multi-window
              rule: 14.4 over 1 hour, 6 over 6 hours, 1 over 3 days.
            </p>
            <div className="grid gap-4 sm:grid-cols-3">
              {r.burn.map((b) => (
                <StatCard
                  key={b.id}
                  label={`Last ${b.label}`}
                  value={formatMetric(b.rate, 'ratio')}
                  target={`below ${b.threshold}`}
                  status={b.rate === null ? 'unknown' : b.alerting ? 'missed' : 'met'}
                  detail={`${b.failures} failures in ${b.eligible} attempts`}
                />
              ))}
            </div>
          </section>

          <div className="grid gap-6 lg:grid-cols-2">
            <ChartFrame
              title="Daily sync success rate"
              summary={`Success per day against the ${(SUCCESS_SLO * 100).toFixed(1)}% SLO; ${r.daily.filter((d) => d.successRate !== null && d.successRate < SUCCESS_SLO).length} of ${r.daily.length} days fell below it.`}
            >
              <AdminChart
                data={r.daily}
                xKey="day"
                valueKind="percent"
                domain={['auto', 1]}
                target={{ value: SUCCESS_SLO, label: '99.9% SLO' }}
                series={[{ key: 'successRate', label: 'Success rate', color: 'var(--chart-1)' }]}
              />
            </ChartFrame>
            <ChartFrame
              title="Daily sync latency"
              summary={`p50, p95 and p99 of successful syncs per day, from latency histograms, against the ${LATENCY_TARGET_MS / 1000} s target.`}
            >
              <AdminChart
                data={r.daily}
                xKey="day"
                valueKind="ms"
                target={{ value: LATENCY_TARGET_MS, label: '5 s target' }}
                series={[
                  { key: 'p50', label: 'p50', color: 'var(--chart-1)' },
                  { key: 'p95', label: 'p95', color: 'var(--chart-2)' },
                  { key: 'p99', label: 'p99', color: 'var(--chart-3)' },
                ]}
              />
            </ChartFrame>
          </div>

          <div className="grid gap-6 lg:grid-cols-2">
            <ChartFrame
              title="Latency histogram"
              summary={`Successful syncs by duration over the range; bars past 5 s are over the target (${formatMetric(r.summary.latency.within5s, 'percent')} within it).`}
            >
              <AdminChart
                data={r.latencyBars.map((b) => ({ ...b, over: !b.withinTarget }))}
                xKey="label"
                kind="bar"
                valueKind="count"
                highlightKey="over"
                series={[{ key: 'count', label: 'Syncs', color: 'var(--chart-1)' }]}
              />
            </ChartFrame>
            <ChartFrame
              title="Failure rate by release"
              summary={`Releases sorted by failure rate; ${flagged.length ? `${flagged.map((f) => f.label).join(', ')} stand${flagged.length === 1 ? 's' : ''} out` : 'none stands out'}. Releases with fewer than 5 users are hidden.`}
            >
              <AdminChart
                data={r.byRelease.rows.map((row) => ({
                  label: row.label,
                  failureRate: row.failureRate,
                  flagged: row.flagged,
                }))}
                xKey="label"
                kind="bar"
                layout="vertical"
                valueKind="percent"
                highlightKey="flagged"
                height={Math.max(160, r.byRelease.rows.length * 36)}
                series={[{ key: 'failureRate', label: 'Failure rate', color: 'var(--chart-1)' }]}
              />
            </ChartFrame>
          </div>

          <ReportTable table={table('releases')} csvHref={href('releases')} emptyText="No release has 5 users yet." />

          <div className="grid gap-6 lg:grid-cols-2">
            <ChartFrame
              title="Failures by error code"
              summary={
                r.byError.rows.map((e) => `${e.code}: ${e.count}`).join(', ') || 'No error code reached 5 users.'
              }
            >
              <AdminChart
                data={r.byError.rows}
                xKey="code"
                kind="bar"
                layout="vertical"
                valueKind="count"
                height={Math.max(160, r.byError.rows.length * 36)}
                series={[{ key: 'count', label: 'Failures', color: 'var(--chart-2)' }]}
              />
            </ChartFrame>
            <ChartFrame
              title="Conflicts per day"
              summary={`${formatMetric(r.summary.conflicts, 'count')} conflicts reported by devices in the range; ${formatMetric(r.summary.merged, 'count')} merged automatically.`}
            >
              <AdminChart
                data={r.daily}
                xKey="day"
                kind="bar"
                valueKind="count"
                series={[
                  { key: 'merged', label: 'Merged automatically', color: 'var(--chart-1)' },
                  { key: 'leftToUsers', label: 'Left to users', color: 'var(--chart-3)' },
                ]}
              />
            </ChartFrame>
          </div>

          <div className="grid gap-6 lg:grid-cols-2">
            <ReportTable table={table('errors')} csvHref={href('errors')} emptyText="No error code reached 5 users." />
            <ReportTable
              table={table('platforms')}
              csvHref={href('platforms')}
              emptyText="No platform has 5 users yet."
            />
          </div>
          <ReportTable
            table={table('merges')}
            csvHref={href('merges')}
            emptyText="No release with 5 users reported a conflict in this range."
          />
          <ReportTable table={table('burn-rates')} csvHref={href('burn-rates')} />
          <ReportTable
            table={table('data-loss')}
            csvHref={href('data-loss')}
            maxRows={14}
            emptyText="No conflict snapshot in this range."
          />
          <ReportTable table={table('daily')} csvHref={href('daily')} maxRows={14} />
        </div>
      )}
    </>
  );
}
