import { useRouter } from 'next/navigation';
import { useCallback, useRef, type RefObject } from 'react';

/**
 * Re-renders the page's server data shortly after a change, once for a burst of changes. Not while `leaving`
 * (erasure, sign-out): the page's own deletions must not refresh it into the sign-in redirect.
 */
export function useRefreshSoon(leaving: RefObject<boolean>): { refreshSoon: () => void; cancelRefresh: () => void } {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancelRefresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const refreshSoon = useCallback(() => {
    if (leaving.current) return;
    cancelRefresh();
    timer.current = setTimeout(() => router.refresh(), 250);
  }, [router, leaving, cancelRefresh]);
  return { refreshSoon, cancelRefresh };
}
