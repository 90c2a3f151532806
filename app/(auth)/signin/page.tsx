import type { Metadata } from 'next';
import { EndedSessionCleanup } from '@/components/auth/ended-session-cleanup';
import { SignInForm, type DemoLogin } from '@/components/auth/sign-in-form';
import { currentSession } from '@/lib/auth/current-user';
import { safeReturnPath } from '@/lib/auth/safe-return-path';
import { getEnv } from '@/lib/config/env';
import { DEMO_ACCOUNTS } from '@/lib/seed/demo-accounts';
import { replicaToKeep, type EndedReason } from '@/lib/sync/erase-local-replicas';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: PageProps<'/signin'>) {
  const params = await searchParams;
  const next = safeReturnPath(typeof params.next === 'string' ? params.next : null);
  const reason = endedReason(params.reason);
  // Only a live session's replica survives; if the session cannot be checked, nothing is erased (next visit sweeps).
  const session = await currentSession().catch(() => null);
  const keep = session && replicaToKeep(session.status === 'ok' ? session.caller : null, reason);
  // Demo accounts exist only on the emulators, so only there are they offered.
  const demoLogins: DemoLogin[] =
    getEnv().mode === 'emulator'
      ? DEMO_ACCOUNTS.map((a) => ({
          email: a.email,
          password: a.password,
          label: `${a.displayName} (${a.role})`,
          description: a.description,
        }))
      : [];
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-8 px-6 py-12">
      <div>
        <p className="text-sm font-semibold tracking-wide text-accent">wellsync</p>
        <h1 className="mt-1 text-2xl font-semibold">Sign in to your journal</h1>
        <p className="mt-2 text-sm text-muted">Use the same email and password as in the app on your phone.</p>
      </div>
      {session && <EndedSessionCleanup keep={keep} />}
      <SignInForm next={next} reason={reason} demoLogins={demoLogins} />
    </main>
  );
}

/** `invalid` is what the server's redirect says for an expired cookie; `expired` is what an open tab says on a 401. */
function endedReason(value: string | string[] | undefined): EndedReason | null {
  if (value === 'revoked') return 'revoked';
  if (value === 'invalid' || value === 'expired') return 'expired';
  return null;
}
