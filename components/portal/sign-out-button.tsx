'use client';

import { signOut } from 'firebase/auth';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFirebaseConfig } from '@/components/app-providers';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/api/client-fetch';
import { clientAuth } from '@/lib/firebase/client';

export function SignOutButton() {
  const firebaseConfig = useFirebaseConfig();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      disabled={pending}
      onClick={async () => {
        setPending(true);
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
