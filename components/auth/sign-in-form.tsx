'use client';

import { signInWithEmailAndPassword, signOut } from 'firebase/auth';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { useFirebaseConfig } from '@/components/app-providers';
import { describeNetworkFailure } from '@/components/auth/describe-network-failure';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { apiFetch, ApiError } from '@/lib/api/client-fetch';
import { clientAuth } from '@/lib/firebase/client';

export type DemoLogin = { email: string; password: string; label: string; description: string };

const AUTH_MESSAGES: Record<string, string> = {
  'auth/invalid-credential': 'That email and password don\u2019t match an account.',
  'auth/wrong-password': 'That email and password don\u2019t match an account.',
  'auth/user-not-found': 'That email and password don\u2019t match an account.',
  'auth/invalid-email': 'Enter a valid email address.',
  'auth/too-many-requests': 'Too many attempts. Wait a few minutes, then try again.',
  'auth/user-disabled': 'This account has been disabled.',
};

/** Email and password sign-in: Firebase Auth in the browser, then the ID token is exchanged for a session cookie. */
export function SignInForm({
  next,
  reason,
  demoLogins,
}: {
  next: string;
  reason: string | null;
  demoLogins: DemoLogin[];
}) {
  const firebaseConfig = useFirebaseConfig();
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    // Arriving here because a session ended: clear the stale cookie and the browser's Firebase session.
    if (reason) {
      void apiFetch('/api/auth/session', { method: 'DELETE' }).catch(() => undefined);
      void signOut(clientAuth(firebaseConfig)).catch(() => undefined);
    }
  }, [reason, firebaseConfig]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const credential = await signInWithEmailAndPassword(clientAuth(firebaseConfig), email.trim(), password);
      const idToken = await credential.user.getIdToken();
      const result = await apiFetch<{ redirectTo: string }>('/api/auth/session', {
        method: 'POST',
        body: { idToken, next },
      });
      router.replace(result.redirectTo);
      router.refresh();
    } catch (caught) {
      const code = (caught as { code?: string }).code ?? '';
      setError(
        caught instanceof ApiError
          ? caught.message
          : code === 'auth/network-request-failed'
            ? describeNetworkFailure(navigator.onLine)
            : (AUTH_MESSAGES[code] ?? 'Sign-in failed. Please try again.'),
      );
      setPending(false);
    }
  }

  return (
    <div className="flex flex-col gap-6">
      {reason && (
        <Notice tone="warning" title="You were signed out">
          {reason === 'revoked' ? 'This browser session was ended from another device.' : 'Your session expired.'}{' '}
          Please sign in again.
        </Notice>
      )}
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <Field label="Email" htmlFor="email">
          <Input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </Field>
        <Field label="Password" htmlFor="password">
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        {error && <Notice tone="error">{error}</Notice>}
        <Button type="submit" disabled={pending || !email || !password}>
          {pending ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      {demoLogins.length > 0 && (
        <section aria-labelledby="demo-logins" className="rounded-xl border border-dashed border-border p-4">
          <h2 id="demo-logins" className="text-sm font-semibold">
            Demo logins (local emulators only)
          </h2>
          <ul className="mt-3 flex flex-col gap-3">
            {demoLogins.map((login) => (
              <li key={login.email} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <div>
                  <p className="font-medium">{login.label}</p>
                  <p className="text-muted">
                    <span className="font-mono">{login.email}</span> /{' '}
                    <span className="font-mono">{login.password}</span>
                  </p>
                  <p className="text-xs text-muted">{login.description}</p>
                </div>
                <Button
                  variant="secondary"
                  onClick={() => {
                    setEmail(login.email);
                    setPassword(login.password);
                  }}
                  aria-label={`Fill in ${login.label}`}
                >
                  Use
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
