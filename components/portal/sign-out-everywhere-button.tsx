'use client';

import { ConfirmButton } from '@/components/ui/confirm-button';
import { apiFetch } from '@/lib/api/client-fetch';
import { useSignOut } from './use-sign-out';

/** The explicit, account-wide sign-out: every phone and browser must sign in again. Plain sign-out ends this browser only. */
export function SignOutEverywhereButton() {
  const signOut = useSignOut();
  return (
    <ConfirmButton
      label="Sign out everywhere"
      title="Sign out everywhere?"
      confirmLabel="Sign out everywhere"
      onConfirm={async () => {
        await signOut(() => apiFetch('/api/auth/sign-out-everywhere', { method: 'POST' }));
      }}
    >
      This signs you out of every phone and browser, this one included. Each of them must sign in again with your
      password before it can sync.
    </ConfirmButton>
  );
}
