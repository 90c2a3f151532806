/**
 * Sync success against the 99.9% SLO (docs/admin-analytics.md, "SLO maths"). The error budget is the failures the
 * SLO allows over a rolling 30 days; a burn rate is the window's failure rate over the allowed rate, so a burn rate
 * of 1 spends the budget exactly in 30 days. The alert thresholds are the multi-window ones of Google's SRE
 * workbook: 14.4 over 1 hour (2% of the budget), 6 over 6 hours (5%), 1 over 3 days (10%).
 */
export const SUCCESS_SLO = 0.999;
export const SLO_WINDOW_DAYS = 30;

export const BURN_WINDOWS = [
  { id: '1h', label: '1 hour', hours: 1, threshold: 14.4 },
  { id: '6h', label: '6 hours', hours: 6, threshold: 6 },
  { id: '3d', label: '3 days', hours: 72, threshold: 1 },
] as const;

/** Attempts that count for the SLO (a revoked device's refusals are excluded) and those that failed. */
export type SloCounts = { eligible: number; failures: number };

export function successRate({ eligible, failures }: SloCounts): number | null {
  return eligible === 0 ? null : 1 - failures / eligible;
}

export type ErrorBudget = { allowedFailures: number; failures: number; remaining: number | null };

/** `remaining` is the share of the budget left: 1 untouched, 0 spent, negative when the SLO is already missed. */
export function errorBudget(counts: SloCounts, target = SUCCESS_SLO): ErrorBudget {
  const allowedFailures = counts.eligible * (1 - target);
  return {
    allowedFailures,
    failures: counts.failures,
    remaining: allowedFailures === 0 ? null : 1 - counts.failures / allowedFailures,
  };
}

export function burnRate(counts: SloCounts, target = SUCCESS_SLO): number | null {
  return counts.eligible === 0 ? null : counts.failures / counts.eligible / (1 - target);
}
