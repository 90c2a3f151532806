'use client';

import { useRouter } from 'next/navigation';
import { useSync } from '@/components/sync/sync-provider';
import { ConfirmButton } from '@/components/ui/confirm-button';
import type { SyncCollection } from '@/lib/sync/types';
import type { WireVersion } from '@/lib/sync/wire';

/** Deletes through the protocol (a tombstone every device will pull), after asking. */
export function DeleteEntryButton({
  collection,
  id,
  base,
  what,
  returnTo,
}: {
  collection: SyncCollection;
  id: string;
  base: WireVersion;
  what: string;
  returnTo: string;
}) {
  const sync = useSync();
  const router = useRouter();
  return (
    <ConfirmButton
      label="Delete"
      title={`Delete this ${what}?`}
      confirmLabel={`Delete ${what}`}
      onConfirm={async () => {
        await sync.remove(collection, id, base);
        router.push(returnTo);
        router.refresh();
      }}
    >
      It disappears from this portal and, after they sync, from your phones. If another device changes it at the same
      time, nothing is lost: the other version is kept on the Conflicts page.
    </ConfirmButton>
  );
}
