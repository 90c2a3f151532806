'use client';

import { signInWithEmailAndPassword, signOut } from 'firebase/auth';
import { ApiError } from '@/lib/api/client-fetch';
import type { ErrorBody } from '@/lib/api/errors';
import { ZErasureLine, type ErasureReceipt } from '@/lib/erasure/erasure-receipt';
import { clientAuth } from '@/lib/firebase/client';
import type { PublicFirebaseConfig } from '@/lib/firebase/public-config';
import { readNdjson } from '@/lib/ndjson/read-ndjson';

const AUTH_MESSAGES: Record<string, string> = {
  'auth/invalid-credential': 'That password is not right.',
  'auth/wrong-password': 'That password is not right.',
  'auth/too-many-requests': 'Too many attempts. Wait a few minutes, then try again.',
  'auth/network-request-failed': 'You appear to be offline. Check your connection and try again.',
};

// The password is confirmed on a Firebase app of its own: the portal's sync client holds the session-bound sign-in,
// and replacing it mid-erasure sent the tab to the sign-in page before the receipt could be shown.
const STEP_UP_APP = 'step-up';

/**
 * Confirms the password with a fresh Firebase sign-in (the server requires one under five minutes old), then
 * erases the account, reading the server's progress lines until the receipt arrives.
 */
export async function eraseAccount(
  config: PublicFirebaseConfig,
  email: string,
  password: string,
  phrase: string,
  onProgress: (deleted: number, total: number) => void,
): Promise<ErasureReceipt> {
  let idToken: string;
  try {
    const credential = await signInWithEmailAndPassword(clientAuth(config, STEP_UP_APP), email, password);
    idToken = await credential.user.getIdToken();
  } catch (caught) {
    throw new ApiError(
      403,
      'forbidden',
      AUTH_MESSAGES[(caught as { code?: string }).code ?? ''] ?? 'Your password could not be confirmed.',
    );
  }
  const response = await fetch('/api/data/erasure', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ idToken, phrase }),
  });
  await signOut(clientAuth(config, STEP_UP_APP)).catch(() => undefined);
  if (!response.ok || !response.body) {
    const error = ((await response.json().catch(() => null)) as ErrorBody | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'internal',
      error?.message ?? `Erasure failed (${response.status}).`,
    );
  }
  for await (const line of readNdjson(response.body, ZErasureLine)) {
    if (line.type === 'progress') onProgress(line.deleted, line.total);
    if (line.type === 'done') return line.receipt;
    if (line.type === 'error') throw new ApiError(500, 'internal', line.message);
  }
  throw new ApiError(
    0,
    'network',
    'The connection ended before erasure finished. Sign in again and repeat it to finish.',
  );
}
