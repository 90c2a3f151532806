import type { Metadata } from 'next';
import { SignInForm, type DemoLogin } from '@/components/auth/sign-in-form';
import { safeReturnPath } from '@/lib/auth/safe-return-path';
import { getEnv } from '@/lib/config/env';
import { DEMO_ACCOUNTS } from '@/lib/seed/demo-accounts';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: PageProps<'/signin'>) {
  const params = await searchParams;
  const next = safeReturnPath(typeof params.next === 'string' ? params.next : null);
  const reason = params.reason === 'revoked' || params.reason === 'invalid' ? params.reason : null;
  // Demo accounts exist only on the emulators, so only there are they offered.
  const demoLogins: DemoLogin[] =
    getEnv().mode === 'emulator'
      ? DEMO_ACCOUNTS.map((a) => ({ email: a.email, password: a.password, label: `${a.displayName} (${a.role})`, description: a.description }))
      : [];
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-8 px-6 py-12">
      <div>
        <p className="text-sm font-semibold tracking-wide text-accent">wellsync</p>
        <h1 className="mt-1 text-2xl font-semibold">Sign in to your journal</h1>
        <p className="mt-2 text-sm text-muted">Use the same email and password as in the app on your phone.</p>
      </div>
      <SignInForm next={next} reason={reason} demoLogins={demoLogins} />
    </main>
  );
}
