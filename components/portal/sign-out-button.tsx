'use client';

import { signOut } from 'firebase/auth';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFirebaseConfig } from '@/components/app-providers';
import { useOptionalSync } from '@/components/sync/sync-provider';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/api/client-fetch';
import { clientAuth } from '@/lib/firebase/client';

/** Signs out, after giving unsynced edits a last chance to reach the cloud (and asking if they cannot). */
export function SignOutButton() {
  const firebaseConfig = useFirebaseConfig();
  const sync = useOptionalSync();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        if (sync && sync.pending > 0) {
          const report = await sync.syncNow();
          if ((report?.pending ?? sync.pending) > 0 && !window.confirm('Some changes have not synced yet. They will be lost if you sign out now. Sign out anyway?')) {
            setPending(false);
            return;
          }
        }
        await sync?.forget();
        await apiFetch('/api/auth/session', { method: 'DELETE' }).catch(() => undefined);
        await signOut(clientAuth(firebaseConfig)).catch(() => undefined);
        router.replace('/signin');
        router.refresh();
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </Button>
  );
}
