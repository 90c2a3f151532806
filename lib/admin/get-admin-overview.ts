import 'server-only';
import { assertAdmin, type AdminScope } from '@/lib/auth/scope';
import { formatUsd } from '@/lib/format/format-quantities';
import { presetRange } from './admin-range';
import { COST_TARGET_USD } from '@/lib/metrics/estimate-cost';
import { getAdoptionReport, getCostReport, getReliabilityReport } from './get-admin-reports';
import { LATENCY_TARGET_MS } from '@/lib/metrics/latency-histogram';
import type { Freshness } from '@/lib/metrics/read-rollups';
import { SUCCESS_SLO } from '@/lib/metrics/slo';
import { utcDay } from '@/lib/metrics/utc-days';

export type TargetStatus = 'met' | 'missed' | 'unknown' | 'neutral';
export type OverviewMetric = {
  id: string;
  label: string;
  value: number | null;
  kind: 'percent' | 'ms' | 'usd' | 'count';
  target: string;
  status: TargetStatus;
  href: string;
  detail: string;
};
export type AdminOverview = { freshness: Freshness; metrics: OverviewMetric[] };

const status = (value: number | null, met: (v: number) => boolean): TargetStatus =>
  value === null ? 'unknown' : met(value) ? 'met' : 'missed';

export async function getAdminOverview(scope: AdminScope, nowMs = Date.now()): Promise<AdminOverview> {
  assertAdmin(scope);
  const range = presetRange('30d', utcDay(nowMs));
  const [adoption, cost, reliability] = await Promise.all([
    getAdoptionReport(scope, range, nowMs),
    getCostReport(scope, range, nowMs),
    getReliabilityReport(scope, range, nowMs),
  ]);
  const latest = adoption.latest;
  const adoptionShare = latest && latest.users > 0 ? latest.enabled / latest.users : null;
  const stale = reliability.dataLoss.latest?.stale ?? null;
  const p95 = reliability.summary.latency.p95;
  const success = reliability.budget.successRate;
  const costP95 = cost.month?.quantiles?.p95 ?? null;
  return {
    freshness: reliability.freshness,
    metrics: [
      {
        id: 'adoption',
        label: 'Users with cloud sync on',
        value: adoptionShare,
        kind: 'percent',
        target: 'tracked (no target)',
        status: adoptionShare === null ? 'unknown' : 'neutral',
        href: '/admin/adoption',
        detail: latest ? `${latest.enabled} of ${latest.users} users on ${latest.day}` : 'No snapshot yet',
      },
      {
        id: 'data-loss',
        label: `Conflicts unresolved past ${reliability.dataLoss.latest?.staleDays ?? 7} days`,
        value: stale,
        kind: 'count',
        target: 'zero data loss: 0',
        status: status(stale, (v) => v === 0),
        href: '/admin/reliability',
        detail: reliability.dataLoss.latest
          ? `${reliability.dataLoss.latest.unresolved} unresolved in all`
          : 'No snapshot yet',
      },
      {
        id: 'latency',
        label: 'Sync latency p95 (30 days)',
        value: p95,
        kind: 'ms',
        target: `within ${LATENCY_TARGET_MS / 1000} s`,
        status: status(p95, (v) => v <= LATENCY_TARGET_MS),
        href: '/admin/reliability',
        detail:
          reliability.summary.latency.within5s === null
            ? 'No syncs yet'
            : `${(reliability.summary.latency.within5s * 100).toFixed(2)}% of syncs within 5 s`,
      },
      {
        id: 'success',
        label: 'Sync success (30 days)',
        value: success,
        kind: 'percent',
        target: `${(SUCCESS_SLO * 100).toFixed(1)}% SLO`,
        status: status(success, (v) => v >= SUCCESS_SLO),
        href: '/admin/reliability',
        detail: budgetText(reliability.budget.remaining),
      },
      {
        id: 'cost',
        label: 'Monthly cost per syncing user, p95',
        value: costP95,
        kind: 'usd',
        target: `under ${formatUsd(COST_TARGET_USD)}`,
        status: status(costP95, (v) => v < COST_TARGET_USD),
        href: '/admin/cost',
        detail: cost.month
          ? `${cost.month.syncingUsers} syncing users in ${cost.month.month}${cost.month.complete ? '' : ' (projected)'}`
          : 'Not priced yet',
      },
    ],
  };
}

function budgetText(remaining: number | null): string {
  if (remaining === null) return 'No syncs yet';
  return remaining >= 0
    ? `${(remaining * 100).toFixed(0)}% of the error budget left`
    : `Error budget overspent by ${(-remaining * 100).toFixed(0)}%`;
}
