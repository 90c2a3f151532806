import { useEffect } from 'react';
import { eraseLocalReplicas, replicaName, type ErasedReplicas } from '@/lib/sync/erase-local-replicas';
import { indexedDbReplicas } from '@/lib/sync/stores/indexeddb-store';

/** Replicas of this browser's earlier sessions can never be pushed: erases them, and reports it if that lost edits. */
export function useEraseEarlierReplicas(uid: string, deviceId: string, onLoss: (erased: ErasedReplicas) => void): void {
  useEffect(() => {
    let cancelled = false;
    void eraseLocalReplicas(indexedDbReplicas(), { keep: replicaName(uid, deviceId) })
      .then((erased) => {
        if (!cancelled && (erased.unsyncedChanges || erased.unreadable || erased.failed)) onLoss(erased);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [uid, deviceId, onLoss]);
}
