'use client';

import { ErasedReplicasNotice } from '@/components/sync/erased-replicas-notice';
import { useEraseEndedReplicas } from './use-erase-ended-replicas';

/** On the sign-in page: erases what ended sessions left in this browser, and says if that discarded edits. */
export function EndedSessionCleanup({ keep }: { keep: string | null }) {
  const erased = useEraseEndedReplicas(keep);
  return <ErasedReplicasNotice erased={erased} />;
}
