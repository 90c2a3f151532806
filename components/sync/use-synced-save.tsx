'use client';

import { useEffect, useState } from 'react';
import { Notice } from '@/components/ui/notice';
import type { SyncCollection } from '@/lib/sync/types';
import type { WireVersion } from '@/lib/sync/wire';
import { useSync } from './sync-provider';

/** `onSynced` runs once the cloud has it; until then the form can say where the edit is. */
export function useSyncedSave(collection: SyncCollection, id: string, base: WireVersion | null, onSynced: () => void) {
  const sync = useSync();
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const synced = saved && !sync.pendingFor(collection, id);

  useEffect(() => {
    if (synced) onSynced();
  }, [synced, onSynced]);

  async function save(fields: Record<string, unknown>) {
    setFailure(null);
    try {
      await sync.edit(collection, id, fields, base);
      setSaved(true);
    } catch (caught) {
      setFailure((caught as Error).message);
    }
  }

  const status = (
    <>
      {failure && <Notice tone="error">{failure}</Notice>}
      {saved && !synced && (
        <Notice tone={sync.online ? 'info' : 'warning'} title="Saved on this device">
          {sync.online
            ? 'Syncing it now…'
            : 'You are offline. It will sync as soon as you are back online; you can keep this tab open or come back later.'}
        </Notice>
      )}
    </>
  );
  return { save, status, now: () => sync.timestamp(Date.now()) };
}
