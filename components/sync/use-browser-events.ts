import { useEffect } from 'react';
import { SESSION_ENDED_EVENT } from '@/lib/api/client-fetch';

/** The browser's network going and coming back, and a request that found the session over (lib/api/client-fetch). */
export function useBrowserEvents(handlers: {
  onOnline: () => void;
  onOffline: () => void;
  onSessionEnded: () => void;
}) {
  const { onOnline, onOffline, onSessionEnded } = handlers;
  useEffect(() => {
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    window.addEventListener(SESSION_ENDED_EVENT, onSessionEnded);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener(SESSION_ENDED_EVENT, onSessionEnded);
    };
  }, [onOnline, onOffline, onSessionEnded]);
}
