import { signOut } from 'firebase/auth';
import { apiFetch } from '@/lib/api/client-fetch';
import { clientAuth } from '@/lib/firebase/client';
import type { PublicFirebaseConfig } from '@/lib/firebase/public-config';
import { eraseLocalReplicas, type EndedReason } from '@/lib/sync/erase-local-replicas';
import { leaveErasedNote } from '@/lib/sync/erased-replicas-note';
import { indexedDbReplicas } from '@/lib/sync/stores/indexeddb-store';

/**
 * The session ended without the user asking (revoked, expired, signed out everywhere): its outbox can never be
 * pushed now, so it is erased here, and the sign-in page says how many unsynced changes went with it.
 */
export async function endSessionAndErase(config: PublicFirebaseConfig, reason: EndedReason): Promise<void> {
  await apiFetch('/api/auth/session', { method: 'DELETE' }).catch(() => undefined);
  await signOut(clientAuth(config)).catch(() => undefined);
  const erased = await eraseLocalReplicas(indexedDbReplicas()).catch(() => null);
  try {
    if (erased) leaveErasedNote(sessionStorage, erased);
  } catch {
    // Storage refused: the sign-in page still erases and counts whatever is left.
  }
  // A full navigation on purpose: nothing of this session should survive in memory.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/signin?reason=${reason}`);
}
