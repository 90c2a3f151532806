import { addCounts, emptyCounts } from '@/lib/metrics/aggregate-sync-events';
import type { AdminRange } from './admin-range';
import type { AdminTable } from './admin-table';
import { isGroupVisible, rangeUserFloor, type GroupPresence } from '@/lib/metrics/k-anonymity';
import {
  histogramBars,
  histogramQuantile,
  LATENCY_TARGET_MS,
  mergeHistograms,
  shareWithin,
} from '@/lib/metrics/latency-histogram';
import type { Freshness, Rollups } from '@/lib/metrics/read-rollups';
import type { Counts, DayRollup, GroupRollup, Histogram } from '@/lib/metrics/rollup-types';
import { BURN_WINDOWS, burnRate, errorBudget, SLO_WINDOW_DAYS, successRate, SUCCESS_SLO } from '@/lib/metrics/slo';
import { addDays, eachDay, utcDay } from '@/lib/metrics/utc-days';

export type LatencySummary = { p50: number | null; p95: number | null; p99: number | null; within5s: number | null };
export type GroupRow = {
  key: string;
  label: string;
  attempts: number;
  failures: number;
  failureRate: number | null;
  users: number;
  latency: LatencySummary;
  flagged: boolean;
  conflicts: number;
  merged: number;
};
export type Breakdown = { rows: GroupRow[]; hidden: number };

export type ReliabilityReport = {
  range: AdminRange;
  freshness: Freshness;
  hasData: boolean;
  summary: {
    attempts: number;
    eligible: number;
    failures: number;
    excluded: number;
    successRate: number | null;
    conflicts: number;
    merged: number;
    latency: LatencySummary;
  };
  budget: {
    windowDays: number;
    eligible: number;
    failures: number;
    allowedFailures: number;
    remaining: number | null;
    successRate: number | null;
  };
  burn: {
    id: string;
    label: string;
    threshold: number;
    rate: number | null;
    eligible: number;
    failures: number;
    alerting: boolean;
  }[];
  daily: {
    day: string;
    attempts: number;
    successRate: number | null;
    p50: number | null;
    p95: number | null;
    p99: number | null;
    conflicts: number;
    merged: number;
    leftToUsers: number;
  }[];
  latencyBars: { label: string; count: number; withinTarget: boolean }[];
  byError: { rows: { code: string; count: number; share: number; users: number }[]; hidden: number };
  byPlatform: Breakdown;
  byRelease: Breakdown;
  dataLoss: {
    latest: { unresolved: number; stale: number; staleDays: number; day: string } | null;
    series: { day: string; stale: number; unresolved: number }[];
  };
  tables: AdminTable[];
};

const eligibleOf = (c: Counts) => c.attempts - c.excluded;

export function latencyOf(histogram: Histogram): LatencySummary {
  return {
    p50: histogramQuantile(histogram, 0.5),
    p95: histogramQuantile(histogram, 0.95),
    p99: histogramQuantile(histogram, 0.99),
    within5s: shareWithin(histogram, LATENCY_TARGET_MS),
  };
}

/** At least 50 attempts: fewer would flag noise. */
export function isFlaggedRelease(group: { eligible: number; failures: number }, fleetRate: number): boolean {
  if (group.eligible < 50) return false;
  const rate = group.failures / group.eligible;
  return rate > 2 * fleetRate && rate > 1 - SUCCESS_SLO;
}

function breakdown(
  days: DayRollup[],
  pick: (day: DayRollup) => Record<string, GroupRollup>,
  label: (key: string) => string,
  fleetRate: number,
  flag: boolean,
): Breakdown {
  const groups = new Map<string, { counts: Counts; latency: Histogram[]; presence: GroupPresence[] }>();
  for (const day of days) {
    for (const [key, group] of Object.entries(pick(day))) {
      const entry = groups.get(key) ?? { counts: emptyCounts(), latency: [], presence: [] };
      addCounts(entry.counts, group);
      entry.latency.push(group.latency);
      entry.presence.push(group);
      groups.set(key, entry);
    }
  }
  let hidden = 0;
  const rows: GroupRow[] = [];
  for (const [key, group] of groups) {
    if (!isGroupVisible(group.presence)) {
      hidden += 1;
      continue;
    }
    const eligible = eligibleOf(group.counts);
    rows.push({
      key,
      label: label(key),
      attempts: group.counts.attempts,
      failures: group.counts.failures,
      failureRate: eligible > 0 ? group.counts.failures / eligible : null,
      users: rangeUserFloor(group.presence),
      latency: latencyOf(mergeHistograms(...group.latency)),
      flagged: flag && isFlaggedRelease({ eligible, failures: group.counts.failures }, fleetRate),
      conflicts: group.counts.conflicts,
      merged: group.counts.merged,
    });
  }
  rows.sort((a, b) => (b.failureRate ?? -1) - (a.failureRate ?? -1) || b.attempts - a.attempts);
  return { rows, hidden };
}

export function buildReliabilityReport(
  rollups: Rollups,
  range: AdminRange,
  nowMs: number,
  freshness: Freshness,
): ReliabilityReport {
  const days = eachDay(range.from, range.to).flatMap((day) =>
    rollups.syncDays.has(day) ? [[day, rollups.syncDays.get(day)!] as const] : [],
  );
  const dayRollups = days.map(([, rollup]) => rollup);
  const totals = emptyCounts();
  for (const rollup of dayRollups) addCounts(totals, rollup);
  const latency = mergeHistograms(...dayRollups.map((d) => d.latency));
  const fleetRate = eligibleOf(totals) > 0 ? totals.failures / eligibleOf(totals) : 0;

  // The error budget is always the 30 days up to today, whatever range is shown.
  const today = utcDay(nowMs);
  const budgetCounts = emptyCounts();
  for (const day of eachDay(addDays(today, -(SLO_WINDOW_DAYS - 1)), today)) {
    const rollup = rollups.syncDays.get(day);
    if (rollup) addCounts(budgetCounts, rollup);
  }
  const budgetSlo = { eligible: eligibleOf(budgetCounts), failures: budgetCounts.failures };
  const currentHour = Math.floor(nowMs / 3_600_000) * 3_600_000;
  const burn = BURN_WINDOWS.map((window) => {
    let eligible = 0;
    let failures = 0;
    for (let h = 0; h < window.hours; h++) {
      const at = new Date(currentHour - h * 3_600_000).toISOString();
      const hour = rollups.hours.get(`${at.slice(0, 10)}T${at.slice(11, 13)}`);
      if (hour) {
        eligible += hour.attempts - hour.excluded;
        failures += hour.failures;
      }
    }
    const rate = burnRate({ eligible, failures });
    return {
      id: window.id,
      label: window.label,
      threshold: window.threshold,
      rate,
      eligible,
      failures,
      alerting: rate !== null && rate > window.threshold,
    };
  });

  const errorTotals = new Map<string, { count: number; presence: GroupPresence[] }>();
  for (const rollup of dayRollups) {
    for (const [code, group] of Object.entries(rollup.byError)) {
      const entry = errorTotals.get(code) ?? { count: 0, presence: [] };
      entry.count += group.count;
      entry.presence.push(group);
      errorTotals.set(code, entry);
    }
  }
  const errors = totals.attempts - totals.ok;
  const errorRows = [...errorTotals]
    .filter(([, e]) => isGroupVisible(e.presence))
    .map(([code, e]) => ({
      code,
      count: e.count,
      share: errors > 0 ? e.count / errors : 0,
      users: rangeUserFloor(e.presence),
    }));
  errorRows.sort((a, b) => b.count - a.count);

  const byPlatform = breakdown(
    dayRollups,
    (d) => d.byPlatform,
    (key) => key,
    fleetRate,
    false,
  );
  const byRelease = breakdown(
    dayRollups,
    (d) => d.byRelease,
    (key) => key,
    fleetRate,
    true,
  );

  const snapshots = [...rollups.fleetMonths.values()]
    .flatMap((doc) => Object.entries(doc.days))
    .filter(([day]) => day >= range.from && day <= range.to)
    .sort(([a], [b]) => a.localeCompare(b));
  const withConflicts = snapshots.filter(([, s]) => s.conflicts !== null);
  const latestConflicts = withConflicts.at(-1);

  const daily = days.map(([day, rollup]) => {
    const l = latencyOf(rollup.latency);
    return {
      day,
      attempts: rollup.attempts,
      successRate: successRate({ eligible: eligibleOf(rollup), failures: rollup.failures }),
      p50: l.p50,
      p95: l.p95,
      p99: l.p99,
      conflicts: rollup.conflicts,
      merged: rollup.merged,
      leftToUsers: leftToUsers(rollup),
    };
  });
  const summaryLatency = latencyOf(latency);
  const report: Omit<ReliabilityReport, 'tables'> = {
    range,
    freshness,
    hasData: dayRollups.length > 0,
    summary: {
      attempts: totals.attempts,
      eligible: eligibleOf(totals),
      failures: totals.failures,
      excluded: totals.excluded,
      successRate: successRate({ eligible: eligibleOf(totals), failures: totals.failures }),
      conflicts: totals.conflicts,
      merged: totals.merged,
      latency: summaryLatency,
    },
    budget: {
      windowDays: SLO_WINDOW_DAYS,
      ...budgetSlo,
      ...errorBudget(budgetSlo),
      successRate: successRate(budgetSlo),
    },
    burn,
    daily,
    latencyBars: histogramBars(latency).map((bar) => ({
      label: bar.upToMs >= 1000 ? `≤${(bar.upToMs / 1000).toFixed(1)} s` : `≤${Math.round(bar.upToMs)} ms`,
      count: bar.count,
      withinTarget: bar.upToMs <= LATENCY_TARGET_MS,
    })),
    byError: { rows: errorRows, hidden: errorTotals.size - errorRows.length },
    byPlatform,
    byRelease,
    dataLoss: {
      latest: latestConflicts ? { ...latestConflicts[1].conflicts!, day: latestConflicts[0] } : null,
      series: withConflicts.map(([day, s]) => ({
        day,
        stale: s.conflicts!.stale,
        unresolved: s.conflicts!.unresolved,
      })),
    },
  };
  return { ...report, tables: reliabilityTables(report) };
}

// A merged conflict is one no user has to look at; telemetry can only say so in counts (never content).
const leftToUsers = (c: Pick<Counts, 'conflicts' | 'merged'>) => Math.max(0, c.conflicts - c.merged);

function mergesTable(byRelease: Breakdown): AdminTable {
  const rows = byRelease.rows.filter((r) => r.conflicts > 0).sort((a, b) => b.conflicts - a.conflicts);
  return {
    id: 'merges',
    title: 'Conflicts by release: merged automatically and left to users',
    columns: [
      { key: 'group', label: 'Release', kind: 'text' },
      { key: 'conflicts', label: 'Conflicts', kind: 'count' },
      { key: 'merged', label: 'Merged automatically', kind: 'count' },
      { key: 'leftToUsers', label: 'Left to users', kind: 'count' },
      { key: 'mergedShare', label: 'Share merged', kind: 'percent' },
    ],
    rows: rows.map((r) => ({
      group: r.label,
      conflicts: r.conflicts,
      merged: r.merged,
      leftToUsers: leftToUsers(r),
      mergedShare: r.merged / r.conflicts,
    })),
    note: hiddenNote(byRelease.hidden),
  };
}

const hiddenNote = (hidden: number) =>
  hidden > 0
    ? `${hidden} group${hidden === 1 ? '' : 's'} with fewer than 5 users ${hidden === 1 ? 'is' : 'are'} hidden.`
    : undefined;

function groupTable(id: string, title: string, first: string, breakdown: Breakdown): AdminTable {
  return {
    id,
    title,
    columns: [
      { key: 'group', label: first, kind: 'text' },
      { key: 'attempts', label: 'Attempts', kind: 'count' },
      { key: 'failures', label: 'Failures', kind: 'count' },
      { key: 'failureRate', label: 'Failure rate', kind: 'percent' },
      { key: 'p95', label: 'p95 latency', kind: 'ms' },
      { key: 'users', label: 'Users (at least)', kind: 'count' },
    ],
    rows: breakdown.rows.map((r) => ({
      group: r.label,
      attempts: r.attempts,
      failures: r.failures,
      failureRate: r.failureRate,
      p95: r.latency.p95,
      users: r.users,
    })),
    highlight: breakdown.rows.flatMap((r, i) => (r.flagged ? [i] : [])),
    note: hiddenNote(breakdown.hidden),
  };
}

function reliabilityTables(r: Omit<ReliabilityReport, 'tables'>): AdminTable[] {
  return [
    {
      id: 'daily',
      title: 'Daily sync reliability',
      columns: [
        { key: 'day', label: 'Day (UTC)', kind: 'text' },
        { key: 'attempts', label: 'Attempts', kind: 'count' },
        { key: 'successRate', label: 'Success rate', kind: 'percent' },
        { key: 'p50', label: 'p50 latency', kind: 'ms' },
        { key: 'p95', label: 'p95 latency', kind: 'ms' },
        { key: 'p99', label: 'p99 latency', kind: 'ms' },
        { key: 'conflicts', label: 'Conflicts', kind: 'count' },
        { key: 'merged', label: 'Merged automatically', kind: 'count' },
      ],
      rows: r.daily.map(({ leftToUsers: _left, ...day }) => day),
    },
    groupTable('releases', 'By release (platform and app version)', 'Release', r.byRelease),
    groupTable('platforms', 'By platform', 'Platform', r.byPlatform),
    mergesTable(r.byRelease),
    {
      id: 'errors',
      title: 'Error codes: failures and users',
      columns: [
        { key: 'code', label: 'Error code', kind: 'text' },
        { key: 'count', label: 'Failures', kind: 'count' },
        { key: 'share', label: 'Share of failures', kind: 'percent' },
        { key: 'users', label: 'Users (at least)', kind: 'count' },
      ],
      rows: r.byError.rows,
      note: hiddenNote(r.byError.hidden),
    },
    {
      id: 'burn-rates',
      title: 'Burn rates by window',
      columns: [
        { key: 'window', label: 'Window', kind: 'text' },
        { key: 'rate', label: 'Burn rate', kind: 'ratio' },
        { key: 'threshold', label: 'Alert above', kind: 'ratio' },
        { key: 'eligible', label: 'Attempts', kind: 'count' },
        { key: 'failures', label: 'Failures', kind: 'count' },
      ],
      rows: r.burn.map((b) => ({
        window: b.label,
        rate: b.rate,
        threshold: b.threshold,
        eligible: b.eligible,
        failures: b.failures,
      })),
    },
    {
      id: 'data-loss',
      title: 'Unresolved conflicts (data-loss indicator)',
      columns: [
        { key: 'day', label: 'Day (UTC)', kind: 'text' },
        { key: 'unresolved', label: 'Unresolved', kind: 'count' },
        { key: 'stale', label: `Unresolved past ${r.dataLoss.latest?.staleDays ?? 7} days`, kind: 'count' },
      ],
      rows: r.dataLoss.series,
    },
  ];
}
