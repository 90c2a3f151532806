'use client';

import { signOut } from 'firebase/auth';
import { useRouter } from 'next/navigation';
import { useCallback } from 'react';
import { useFirebaseConfig } from '@/components/app-providers';
import { useOptionalSync } from '@/components/sync/sync-provider';
import { clientAuth } from '@/lib/firebase/client';

/** Unsynced edits get a last chance first; a failing `endOnServer` rejects and the user stays signed in. */
export function useSignOut(): (endOnServer: () => Promise<unknown>) => Promise<boolean> {
  const firebaseConfig = useFirebaseConfig();
  const sync = useOptionalSync();
  const router = useRouter();
  return useCallback(
    async (endOnServer) => {
      if (sync && sync.pending > 0) {
        const report = await sync.syncNow();
        if (
          (report?.pending ?? sync.pending) > 0 &&
          !window.confirm('Some changes have not synced yet. They will be lost if you sign out now. Sign out anyway?')
        )
          return false;
      }
      if (sync) await sync.forget(endOnServer);
      else await endOnServer();
      await signOut(clientAuth(firebaseConfig)).catch(() => undefined);
      router.replace('/signin');
      router.refresh();
      return true;
    },
    [firebaseConfig, sync, router],
  );
}
