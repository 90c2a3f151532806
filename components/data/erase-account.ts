'use client';

import { signInWithEmailAndPassword, signOut } from 'firebase/auth';
import { describeNetworkFailure } from '@/components/auth/describe-network-failure';
import { ApiError } from '@/lib/api/client-fetch';
import type { ErrorBody } from '@/lib/api/errors';
import { ZErasureLine, type ErasureReceipt } from '@/lib/erasure/erasure-receipt';
import { clientAuth } from '@/lib/firebase/client';
import type { PublicFirebaseConfig } from '@/lib/firebase/public-config';
import { NdjsonUnreadable, readNdjson } from '@/lib/ndjson/read-ndjson';

const AUTH_MESSAGES: Record<string, string> = {
  'auth/invalid-credential': 'That password is not right.',
  'auth/wrong-password': 'That password is not right.',
  'auth/too-many-requests': 'Too many attempts. Wait a few minutes, then try again.',
};

// The password is confirmed on a Firebase app of its own: the portal's sync client holds the session-bound sign-in,
// and replacing it mid-erasure sent the tab to the sign-in page before the receipt could be shown.
const STEP_UP_APP = 'step-up';

/** The server requires a password sign-in under five minutes old. */
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
    const code = (caught as { code?: string }).code ?? '';
    throw new ApiError(
      403,
      'forbidden',
      code === 'auth/network-request-failed'
        ? describeNetworkFailure(navigator.onLine)
        : (AUTH_MESSAGES[code] ?? 'Your password could not be confirmed.'),
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
  try {
    for await (const line of readNdjson(response.body, ZErasureLine)) {
      if (line.type === 'progress') onProgress(line.deleted, line.total);
      if (line.type === 'done') return line.receipt;
      if (line.type === 'error') throw new ApiError(500, 'internal', line.message);
    }
  } catch (caught) {
    // A dropped connection or a line this tab cannot read gets the same advice as a stream that just stopped.
    if (!(caught instanceof NdjsonUnreadable)) throw caught;
  }
  throw new ApiError(
    0,
    'network',
    'The connection ended before erasure finished. Sign in again and repeat it to finish.',
  );
}
