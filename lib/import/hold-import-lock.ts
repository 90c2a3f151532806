import 'server-only';
import { randomUUID } from 'node:crypto';
import { Timestamp, type DocumentReference, type Transaction } from 'firebase-admin/firestore';
import { AppError } from '@/lib/errors/app-error';
import type { UserScope } from '@/lib/auth/scope';
import { adminDb } from '@/lib/firebase/admin';
import { countReads } from '@/lib/firebase/metered';
import { userDocRef } from '@/lib/firebase/refs';
import { assertNoErasureLease, undoIfErased } from '@/lib/jobs/erasure-lease';
import { isStale } from '@/lib/jobs/job-status';
import { IMPORT_JOBS } from './import-job';

export const JOB_LOCKS = 'job_locks';
/** Longer than the slowest upload takes to read and check; a lock left by a crashed server stops counting then. */
export const IMPORT_LOCK_MS = 5 * 60_000;

export const IMPORT_BUSY_MESSAGE = 'An import is already being processed. Wait for it to finish, then try again.';

export function importLockRef(scope: UserScope): DocumentReference {
  return userDocRef(scope, JOB_LOCKS, 'import');
}

/** Lock doc and query are read in one transaction, so two instances cannot each see the slot free. */
export async function assertNoImportInFlight(tx: Transaction, scope: UserScope, exceptJobId?: string): Promise<void> {
  const lock = await tx.get(importLockRef(scope));
  const applying = await tx.get(
    importLockRef(scope).parent.parent!.collection(IMPORT_JOBS).where('status', '==', 'applying'),
  );
  countReads(1 + applying.size);
  const expiresAt = lock.get('expiresAt') as unknown;
  if (lock.exists && expiresAt instanceof Timestamp && expiresAt.toMillis() > Date.now())
    throw new AppError('conflict', IMPORT_BUSY_MESSAGE);
  if (applying.docs.some((doc) => doc.id !== exceptJobId && !isStale(doc.get('heartbeatAt'))))
    throw new AppError('conflict', IMPORT_BUSY_MESSAGE);
}

export async function holdImportLock<T>(scope: UserScope, work: () => Promise<T>): Promise<T> {
  const ref = importLockRef(scope);
  const token = randomUUID();
  await adminDb().runTransaction(async (tx) => {
    await assertNoErasureLease(tx, scope);
    await assertNoImportInFlight(tx, scope);
    tx.set(ref, { token, takenAt: Timestamp.now(), expiresAt: Timestamp.fromMillis(Date.now() + IMPORT_LOCK_MS) });
  });
  await undoIfErased(scope, ref);
  try {
    return await work();
  } finally {
    // Only our own lock is released: after an expiry another upload may hold it.
    await adminDb()
      .runTransaction(async (tx) => {
        const lock = await tx.get(ref);
        if (lock.get('token') === token) tx.delete(ref);
      })
      .catch((error: unknown) =>
        console.error('[import] could not release the upload lock; it expires by itself', error),
      );
  }
}
