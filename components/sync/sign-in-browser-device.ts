import { signInWithCustomToken } from 'firebase/auth';
import { apiFetch } from '@/lib/api/client-fetch';
import { WEB_DEVICE_CLAIM } from '@/lib/contract/claims';
import { clientAuth } from '@/lib/firebase/client';
import type { PublicFirebaseConfig } from '@/lib/firebase/public-config';

/** Bound to the web device, so revoking this browser ends its Firestore access; the unbound sign-in is swapped. */
export async function signInBrowserDevice(config: PublicFirebaseConfig, uid: string, deviceId: string): Promise<void> {
  const auth = clientAuth(config);
  const claims = auth.currentUser?.uid === uid ? (await auth.currentUser.getIdTokenResult()).claims : null;
  if (claims?.[WEB_DEVICE_CLAIM] === deviceId) return;
  const { token } = await apiFetch<{ token: string }>('/api/auth/firebase-token');
  await signInWithCustomToken(auth, token);
}
