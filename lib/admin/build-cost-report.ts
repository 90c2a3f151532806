import { formatUsd } from '@/lib/format/format-quantities';
import type { AdminRange } from './admin-range';
import type { AdminTable } from './admin-table';
import { COST_TARGET_USD, estimateCost, type FirestorePrices } from '@/lib/metrics/estimate-cost';
import { isDeepStrictEqualPrices } from '@/lib/metrics/same-prices';
import type { Freshness, Rollups } from '@/lib/metrics/read-rollups';
import type { CostMonthDoc } from '@/lib/metrics/rollup-types';
import { eachDay, eachMonth } from '@/lib/metrics/utc-days';

export type CostReport = {
  range: AdminRange;
  freshness: Freshness;
  target: number;
  /** The latest month in the range that has been priced. */
  month: CostMonthDoc | null;
  pricesChanged: boolean;
  trend: {
    month: string;
    users: number;
    p50: number | null;
    p95: number | null;
    p99: number | null;
    max: number | null;
    mean: number | null;
    complete: boolean;
  }[];
  daily: { day: string; reads: number; writes: number; deletes: number; total: number; perUser: number | null }[];
  bins: { label: string; users: number; overTarget: boolean }[];
  tables: AdminTable[];
};

function binLabel(upTo: number, previous: number | undefined): string {
  if (upTo >= 1000) return `> ${formatUsd(previous ?? 0)}`;
  return `≤ ${formatUsd(upTo)}`;
}

export function buildCostReport(
  rollups: Rollups,
  range: AdminRange,
  prices: FirestorePrices,
  freshness: Freshness,
): CostReport {
  const months = eachMonth(range.from, range.to).flatMap((m) =>
    rollups.costMonths.has(m) ? [rollups.costMonths.get(m)!] : [],
  );
  const month = months.at(-1) ?? null;
  const daily = eachDay(range.from, range.to).flatMap((day) => {
    const rollup = rollups.syncDays.get(day);
    if (!rollup) return [];
    // Operations only: storage is billed per month, not per day.
    const cost = estimateCost(
      { reads: rollup.reads, writes: rollup.writes, deletes: rollup.deletes, storageBytes: 0 },
      prices,
    );
    return [
      {
        day,
        reads: cost.reads,
        writes: cost.writes,
        deletes: cost.deletes,
        total: cost.total,
        perUser: rollup.users > 0 ? cost.total / rollup.users : null,
      },
    ];
  });
  const report: Omit<CostReport, 'tables'> = {
    range,
    freshness,
    target: COST_TARGET_USD,
    month,
    pricesChanged: month !== null && !isDeepStrictEqualPrices(month.prices, prices),
    trend: months.map((m) => ({
      month: m.month,
      users: m.syncingUsers,
      p50: m.quantiles?.p50 ?? null,
      p95: m.quantiles?.p95 ?? null,
      p99: m.quantiles?.p99 ?? null,
      max: m.quantiles?.max ?? null,
      mean: m.quantiles?.mean ?? null,
      complete: m.complete,
    })),
    daily,
    bins: month?.quantiles
      ? month.bins.map((bin, i) => ({
          label: binLabel(bin.upTo, month.bins[i - 1]?.upTo),
          users: bin.users,
          overTarget: (month.bins[i - 1]?.upTo ?? 0) >= COST_TARGET_USD,
        }))
      : [],
  };
  return { ...report, tables: costTables(report) };
}

function costTables(r: Omit<CostReport, 'tables'>): AdminTable[] {
  const m = r.month;
  return [
    {
      id: 'distribution',
      title: m
        ? `Monthly cost per syncing user, ${m.month}${m.complete ? '' : ' (projected)'}`
        : 'Monthly cost per syncing user',
      columns: [
        { key: 'statistic', label: 'Statistic', kind: 'text' },
        { key: 'value', label: 'Cost per user', kind: 'usd' },
        { key: 'target', label: 'Target', kind: 'usd' },
      ],
      rows: m?.quantiles
        ? (['p50', 'p95', 'p99', 'max', 'mean'] as const).map((key) => ({
            statistic: key === 'mean' ? 'mean' : key,
            value: m.quantiles![key],
            target: COST_TARGET_USD,
          }))
        : [],
      note:
        m && !m.quantiles
          ? 'Fewer than 5 syncing users: the distribution is hidden.'
          : m && m.storageEstimatedUsers > 0
            ? `${m.storageEstimatedUsers} user(s) not yet measured are given the median storage.`
            : undefined,
    },
    {
      id: 'top-users',
      title: m ? `Top users by cost, ${m.month}` : 'Top users by cost',
      columns: [
        { key: 'pid', label: 'Pseudonymous id', kind: 'text' },
        { key: 'reads', label: 'Reads', kind: 'count' },
        { key: 'writes', label: 'Writes', kind: 'count' },
        { key: 'deletes', label: 'Deletes', kind: 'count' },
        { key: 'storageBytes', label: 'Storage', kind: 'bytes' },
        { key: 'cost', label: 'Monthly cost', kind: 'usd' },
      ],
      rows: (m?.top ?? []).map((u) => ({
        ...u,
        reads: Math.round(u.reads),
        writes: Math.round(u.writes),
        deletes: Math.round(u.deletes),
        storageBytes: Math.round(u.storageBytes),
      })),
      highlight: (m?.top ?? []).flatMap((u, i) => (u.cost > COST_TARGET_USD ? [i] : [])),
    },
    {
      id: 'trend',
      title: 'Cost per syncing user, by month',
      columns: [
        { key: 'month', label: 'Month', kind: 'text' },
        { key: 'users', label: 'Syncing users', kind: 'count' },
        { key: 'p50', label: 'p50', kind: 'usd' },
        { key: 'p95', label: 'p95', kind: 'usd' },
        { key: 'p99', label: 'p99', kind: 'usd' },
        { key: 'max', label: 'max', kind: 'usd' },
        { key: 'mean', label: 'mean', kind: 'usd' },
      ],
      rows: r.trend.map(({ complete, ...row }) => ({
        ...row,
        month: complete ? row.month : `${row.month} (projected)`,
      })),
    },
    {
      id: 'daily',
      title: 'Fleet operations cost, by day',
      columns: [
        { key: 'day', label: 'Day (UTC)', kind: 'text' },
        { key: 'reads', label: 'Reads', kind: 'usd' },
        { key: 'writes', label: 'Writes', kind: 'usd' },
        { key: 'deletes', label: 'Deletes', kind: 'usd' },
        { key: 'total', label: 'Total', kind: 'usd' },
        { key: 'perUser', label: 'Per user who synced', kind: 'usd' },
      ],
      rows: r.daily,
    },
  ];
}
