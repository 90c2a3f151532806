import 'server-only';
import { AppError } from '@/lib/errors/app-error';
import { assertAdmin, type AdminScope } from '@/lib/auth/scope';
import { getEnv } from '@/lib/config/env';
import type { AdminRange } from './admin-range';
import { buildAdoptionReport, type AdoptionReport } from './build-adoption-report';
import { buildCostReport, type CostReport } from './build-cost-report';
import { buildReliabilityReport, type ReliabilityReport } from './build-reliability-report';
import { freshnessOf, readRollups } from '@/lib/metrics/read-rollups';
import { isReportName, REPORT_NAMES } from './report-names';
import { SLO_WINDOW_DAYS } from '@/lib/metrics/slo';
import { addDays, eachMonth, utcDay } from '@/lib/metrics/utc-days';

/** A few rollup documents per page, whatever the fleet's size; each checks the admin claim itself. */
export async function getAdoptionReport(
  scope: AdminScope,
  range: AdminRange,
  nowMs = Date.now(),
): Promise<AdoptionReport> {
  assertAdmin(scope);
  const months = eachMonth(range.from, range.to);
  const rollups = await readRollups({ syncMonths: months, fleetMonths: months });
  return buildAdoptionReport(rollups, range, freshnessOf(rollups.state, nowMs));
}

export async function getCostReport(scope: AdminScope, range: AdminRange, nowMs = Date.now()): Promise<CostReport> {
  assertAdmin(scope);
  const months = eachMonth(range.from, range.to);
  const rollups = await readRollups({ syncMonths: months, costMonths: months });
  return buildCostReport(rollups, range, getEnv().prices, freshnessOf(rollups.state, nowMs));
}

export async function getReliabilityReport(
  scope: AdminScope,
  range: AdminRange,
  nowMs = Date.now(),
): Promise<ReliabilityReport> {
  assertAdmin(scope);
  const today = utcDay(nowMs);
  const months = eachMonth(range.from, range.to);
  const budgetMonths = eachMonth(addDays(today, -(SLO_WINDOW_DAYS - 1)), today);
  const rollups = await readRollups({
    syncMonths: [...months, ...budgetMonths],
    fleetMonths: months,
    // Burn rates look back at most 3 days (72 hours) from the current hour.
    hourDays: [0, 1, 2, 3].map((n) => addDays(today, -n)),
  });
  return buildReliabilityReport(rollups, range, nowMs, freshnessOf(rollups.state, nowMs));
}

export function getReport(
  name: string,
  scope: AdminScope,
  range: AdminRange,
): Promise<AdoptionReport | CostReport | ReliabilityReport> {
  if (!isReportName(name))
    throw new AppError('not-found', `There is no "${name}" report: the reports are ${REPORT_NAMES.join(', ')}.`);
  if (name === 'adoption') return getAdoptionReport(scope, range);
  if (name === 'cost') return getCostReport(scope, range);
  return getReliabilityReport(scope, range);
}
