'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { apiFetch } from '@/lib/api/client-fetch';
import { useSignOut } from './use-sign-out';

/** Signs this browser out; the user's phones and other browsers stay signed in (Devices has "Sign out everywhere"). */
export function SignOutButton() {
  const signOut = useSignOut();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        // A session that already ended answers 401 and its cookie is cleared all the same: leave either way.
        const left = await signOut(() => apiFetch('/api/auth/session', { method: 'DELETE' }).catch(() => undefined));
        if (!left) setPending(false);
      }}
    >
      {pending ? 'Signing out…' : 'Sign out'}
    </Button>
  );
}
