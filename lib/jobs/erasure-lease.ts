import 'server-only';
import { Timestamp, type DocumentReference, type Transaction } from 'firebase-admin/firestore';
import { AppError } from '@/lib/errors/app-error';
import { assertUserScope, type UserScope } from '@/lib/auth/scope';
import { adminAuth, adminDb } from '@/lib/firebase/admin';
import { countReads } from '@/lib/firebase/metered';

/**
 * `erasure_leases/{uid}`: held while an erasure runs, so no export or import starts or writes into the tree being
 * deleted. Top-level because `users/{uid}` is deleted recursively under it. Server-only.
 */
export const ERASURE_LEASES = 'erasure_leases';
/**
 * A lease outlives its erasure only when that erasure failed; it then stops counting after this long (and is
 * removed by the TTL policy on `expiresAt`), so a failed erasure never locks the account for good.
 */
export const ERASURE_LEASE_MS = 10 * 60_000;

export const ERASING_MESSAGE = 'Your account is being erased; exports and imports are closed.';

export function erasureLeaseRef(scope: UserScope): DocumentReference {
  return adminDb().collection(ERASURE_LEASES).doc(assertUserScope(scope));
}

/** Reads the lease inside the caller's transaction, which then conflicts with an erasure taking it. */
export async function assertNoErasureLease(tx: Transaction, scope: UserScope): Promise<void> {
  const lease = await tx.get(erasureLeaseRef(scope));
  countReads(1);
  const expiresAt = lease.get('expiresAt') as unknown;
  if (lease.exists && expiresAt instanceof Timestamp && expiresAt.toMillis() > Date.now())
    throw new AppError('conflict', ERASING_MESSAGE);
}

/** For a job's runner between steps: the same check in a transaction of its own. */
export async function assertNotErasing(scope: UserScope): Promise<void> {
  await adminDb().runTransaction((tx) => assertNoErasureLease(tx, scope));
}

/**
 * After a job entry point wrote under `users/{uid}`: a request whose session was verified just before an erasure
 * can reach its transaction after the erasure finished and released the lease. The Auth account is deleted before
 * the lease, so if it is gone now, what was just written is removed again and the request refused.
 */
export async function undoIfErased(scope: UserScope, written: DocumentReference): Promise<void> {
  const exists = await adminAuth()
    .getUser(assertUserScope(scope))
    .then(
      () => true,
      (error: { code?: string }) => {
        if (error.code === 'auth/user-not-found') return false;
        throw error;
      },
    );
  if (exists) return;
  await adminDb().recursiveDelete(written);
  throw new AppError('conflict', ERASING_MESSAGE);
}
