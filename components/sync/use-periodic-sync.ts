import { useEffect } from 'react';
import { PERIODIC_SYNC_MS } from './retry-schedule';

/** Syncs every minute while the tab is visible, so phones' changes arrive even without a listener event. */
export function usePeriodicSync(syncNow: () => unknown): void {
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void syncNow();
    }, PERIODIC_SYNC_MS);
    return () => clearInterval(timer);
  }, [syncNow]);
}
