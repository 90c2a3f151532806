import type { SyncReport } from '@/lib/sync/sync-client';

/** The first retry after a failed sync; each further failure doubles it, up to the periodic sync's minute. */
export const RETRY_FIRST_MS = 1_000;
export const PERIODIC_SYNC_MS = 60_000;

export type RetryDecision = { retryInMs: number | null; nextDelayMs: number };

/** No retry when revoked, offline (the online event syncs) or with no report yet. */
export function scheduleRetry(report: SyncReport | null, online: boolean, delayMs: number): RetryDecision {
  const nextDelayMs = report?.status === 'ok' ? RETRY_FIRST_MS : delayMs;
  if (!report || report.status !== 'error' || report.revoked || !online) return { retryInMs: null, nextDelayMs };
  return { retryInMs: delayMs, nextDelayMs: Math.min(delayMs * 2, PERIODIC_SYNC_MS) };
}

/** After a sync: a revoked device ends the session; pushed changes refresh the page's server-rendered data. */
export function afterSync(report: Pick<SyncReport, 'revoked' | 'pushed'>): 'end-session' | 'refresh' | 'none' {
  if (report.revoked) return 'end-session';
  return report.pushed > 0 ? 'refresh' : 'none';
}
