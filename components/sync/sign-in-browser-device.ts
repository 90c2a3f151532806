import { signInWithCustomToken } from 'firebase/auth';
import { apiFetch } from '@/lib/api/client-fetch';
import { WEB_DEVICE_CLAIM } from '@/lib/contract/claims';
import { clientAuth } from '@/lib/firebase/client';
import type { PublicFirebaseConfig } from '@/lib/firebase/public-config';

/**
 * Signs the Firebase SDK in with this session's own token, bound to its web device, so that revoking or signing out
 * this browser also ends its Firestore access (firestore.rules). The password sign-in the sign-in form (or the
 * erasure step-up) left behind is not bound, so it is swapped too.
 */
export async function signInBrowserDevice(config: PublicFirebaseConfig, uid: string, deviceId: string): Promise<void> {
  const auth = clientAuth(config);
  const claims = auth.currentUser?.uid === uid ? (await auth.currentUser.getIdTokenResult()).claims : null;
  if (claims?.[WEB_DEVICE_CLAIM] === deviceId) return;
  const { token } = await apiFetch<{ token: string }>('/api/auth/firebase-token');
  await signInWithCustomToken(auth, token);
}
