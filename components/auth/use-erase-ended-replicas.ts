'use client';

import { useEffect, useState } from 'react';
import { addErased, eraseLocalReplicas, NOTHING_ERASED, type ErasedReplicas } from '@/lib/sync/erase-local-replicas';
import { takeErasedNote } from '@/lib/sync/erased-replicas-note';
import { indexedDbReplicas } from '@/lib/sync/stores/indexeddb-store';

/** So a session that expired with no tab open leaves nothing for the next person at this computer. */
export function useEraseEndedReplicas(keep: string | null): ErasedReplicas | null {
  const [erased, setErased] = useState<ErasedReplicas | null>(null);
  useEffect(() => {
    const handedOver = readNote();
    // Results are added, not replaced, and never cancelled: a remount (Strict Mode) must not hide the count.
    void eraseLocalReplicas(indexedDbReplicas(), { keep })
      .catch(() => ({ ...NOTHING_ERASED, failed: 1 }))
      .then((found) => setErased((shown) => addErased(shown ?? NOTHING_ERASED, addErased(handedOver, found))));
  }, [keep]);
  return erased;
}

function readNote(): ErasedReplicas {
  try {
    return takeErasedNote(sessionStorage);
  } catch {
    return NOTHING_ERASED;
  }
}
