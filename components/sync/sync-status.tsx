'use client';

import { useSync } from './sync-provider';

/** A quiet indicator of what the browser's sync client is doing, announced politely to screen readers. */
export function SyncStatus() {
  const { ready, online, pending, syncing, lastReport, problem } = useSync();
  let text: string;
  if (problem) text = 'Sync unavailable';
  else if (!ready) text = 'Connecting…';
  else if (!online) text = pending ? `Offline · ${pending} change${pending === 1 ? '' : 's'} waiting` : 'Offline';
  else if (syncing) text = 'Syncing…';
  else if (pending) text = `${pending} change${pending === 1 ? '' : 's'} waiting`;
  else if (lastReport?.status === 'error') text = 'Last sync failed; retrying';
  else text = 'Synced';
  const tone =
    problem || !online || lastReport?.status === 'error' ? 'bg-warning' : pending || syncing ? 'bg-muted' : 'bg-accent';
  return (
    <span
      role="status"
      aria-live="polite"
      className="inline-flex items-center gap-2 text-xs text-muted"
      data-testid="sync-status"
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${tone}`} />
      {text}
    </span>
  );
}
