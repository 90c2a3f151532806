import { useEffect, useRef } from 'react';
import type { SyncReport } from '@/lib/sync/sync-client';
import { RETRY_FIRST_MS, scheduleRetry } from './retry-schedule';

/** A failed sync is retried soon, backing off, rather than waiting for the next periodic sync. */
export function useRetryAfterFailure(lastReport: SyncReport | null, online: boolean, syncNow: () => unknown): void {
  const delay = useRef(RETRY_FIRST_MS);
  useEffect(() => {
    const { retryInMs, nextDelayMs } = scheduleRetry(lastReport, online, delay.current);
    delay.current = nextDelayMs;
    if (retryInMs === null) return;
    const timer = setTimeout(() => void syncNow(), retryInMs);
    return () => clearTimeout(timer);
  }, [lastReport, online, syncNow]);
}
