'use client';

import { Notice } from '@/components/ui/notice';
import { describeErased, type ErasedReplicas } from '@/lib/sync/erase-local-replicas';
import { useOptionalSync } from './sync-provider';

/** Tells the user what erasing this browser's offline copy cost them: a count, never the text itself. */
export function ErasedReplicasNotice({ erased, className }: { erased: ErasedReplicas | null; className?: string }) {
  const message = erased && describeErased(erased);
  if (!message) return null;
  return (
    <Notice tone={message.tone} title={message.title} className={className}>
      {message.detail}
    </Notice>
  );
}

/** In the portal: replicas of this browser's earlier sessions that the page erased when it started. */
export function PortalErasedReplicasNotice() {
  const sync = useOptionalSync();
  return <ErasedReplicasNotice erased={sync?.erasedOnStart ?? null} className="mb-6" />;
}
