// Multi-window burn-rate alerts from Google's SRE workbook: docs/admin-analytics.md, "SLO maths".
export const SUCCESS_SLO = 0.999;
export const SLO_WINDOW_DAYS = 30;

export const BURN_WINDOWS = [
  { id: '1h', label: '1 hour', hours: 1, threshold: 14.4 },
  { id: '6h', label: '6 hours', hours: 6, threshold: 6 },
  { id: '3d', label: '3 days', hours: 72, threshold: 1 },
] as const;

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
