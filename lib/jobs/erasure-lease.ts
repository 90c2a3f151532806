import 'server-only';
import { Timestamp, type DocumentReference, type Transaction } from 'firebase-admin/firestore';
import { AppError } from '@/lib/errors/app-error';
import { assertUserScope, type UserScope } from '@/lib/auth/scope';
import { adminAuth, adminDb } from '@/lib/firebase/admin';
import { countReads } from '@/lib/firebase/metered';

/** Top-level, because `users/{uid}` is deleted recursively under it. */
export const ERASURE_LEASES = 'erasure_leases';
/** Expires, so a failed erasure never locks the account for good. */
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

export async function assertNotErasing(scope: UserScope): Promise<void> {
  await adminDb().runTransaction((tx) => assertNoErasureLease(tx, scope));
}

/** A session verified just before an erasure may write after it; the account is gone by then, so undo it. */
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
