import { quantile } from '@/lib/metrics/estimate-cost';
import type { AttemptRecord } from './simulate-fleet';

export type AttemptSummary = {
  attempts: number;
  successRate: number;
  latency: { p50: number; p95: number; p99: number; max: number };
  byRelease: {
    release: string;
    attempts: number;
    failureRate: number;
    p95: number;
    conflicts: number;
    merged: number;
  }[];
  /** Conflicts the devices reported, and the share of them merged automatically (null without conflicts). */
  conflicts: number;
  merged: number;
  mergedShare: number | null;
  errors: { code: string; count: number }[];
};

export function summarizeAttempts(attempts: AttemptRecord[]): AttemptSummary {
  const reported = attempts.filter((a) => a.status !== 'disabled');
  const ok = reported.filter((a) => a.status === 'ok').length;
  const byRelease = new Map<string, AttemptRecord[]>();
  const errors = new Map<string, number>();
  for (const attempt of reported) {
    const key = `${attempt.platform} ${attempt.appVersion}`;
    byRelease.set(key, [...(byRelease.get(key) ?? []), attempt]);
    if (attempt.errorCode) errors.set(attempt.errorCode, (errors.get(attempt.errorCode) ?? 0) + 1);
  }
  const sum = (list: AttemptRecord[], key: 'conflicts' | 'merged') => list.reduce((n, a) => n + a[key], 0);
  const [conflicts, merged] = [sum(reported, 'conflicts'), sum(reported, 'merged')];
  return {
    conflicts,
    merged,
    mergedShare: conflicts > 0 ? merged / conflicts : null,
    attempts: reported.length,
    successRate: reported.length ? ok / reported.length : 1,
    latency: percentiles(reported.map((a) => a.durationMs)),
    byRelease: [...byRelease]
      .map(([release, list]) => ({
        release,
        attempts: list.length,
        failureRate: list.filter((a) => a.status === 'error').length / list.length,
        p95: percentiles(list.map((a) => a.durationMs)).p95,
        conflicts: sum(list, 'conflicts'),
        merged: sum(list, 'merged'),
      }))
      .sort((a, b) => b.failureRate - a.failureRate),
    errors: [...errors].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count),
  };
}

export function percentiles(values: number[]): { p50: number; p95: number; p99: number; max: number } {
  if (values.length === 0) return { p50: 0, p95: 0, p99: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => quantile(sorted, q)!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1)! };
}
