import { quantile } from '@/lib/metrics/estimate-cost';

/** Medians with spread because these machines are noisy; nearest-rank, so every reported value was observed. */
export type Summary = { n: number; median: number; p95: number; min: number; max: number };

export function percentile(sorted: readonly number[], p: number): number {
  const value = quantile(sorted, p / 100);
  if (value === null) throw new Error('percentile of no samples');
  return value;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0]!,
    max: sorted.at(-1)!,
  };
}

/** "1.23 (1.10–1.40)": the median and the range it came from, at a precision that suits the magnitude. */
export function formatSummary(summary: Summary, unit = ''): string {
  const one = (value: number) => `${formatNumber(value)}${unit}`;
  return summary.n === 1
    ? one(summary.median)
    : `${one(summary.median)} (${formatNumber(summary.min)}–${formatNumber(summary.max)})`;
}

export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
