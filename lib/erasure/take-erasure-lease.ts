import 'server-only';
import { Timestamp, type Transaction } from 'firebase-admin/firestore';
import { AppError } from '@/lib/errors/app-error';
import type { UserScope } from '@/lib/auth/scope';
import { adminDb } from '@/lib/firebase/admin';
import { countReads } from '@/lib/firebase/metered';
import { userCollection } from '@/lib/firebase/refs';
import { EXPORT_JOBS } from '@/lib/export/export-job';
import { importLockRef } from '@/lib/import/hold-import-lock';
import { IMPORT_JOBS } from '@/lib/import/import-job';
import { ERASURE_LEASE_MS, erasureLeaseRef } from '@/lib/jobs/erasure-lease';
import { isStale } from '@/lib/jobs/job-status';

/** A running export or import, or an upload being checked, would write into the tree being deleted, so erasure waits for it. */
export async function assertNoRunningJobs(tx: Transaction, scope: UserScope): Promise<void> {
  for (const [collection, status, what] of [
    [EXPORT_JOBS, 'running', 'An export'],
    [IMPORT_JOBS, 'applying', 'An import'],
  ] as const) {
    const running = await tx.get(userCollection(scope, collection).where('status', '==', status));
    countReads(Math.max(1, running.size));
    if (running.docs.some((doc) => !isStale(doc.get('heartbeatAt'))))
      throw new AppError('conflict', `${what} is still running. Wait for it to finish, then erase your account.`);
  }
  const upload = await tx.get(importLockRef(scope));
  countReads(1);
  const expiresAt = upload.get('expiresAt') as unknown;
  if (expiresAt instanceof Timestamp && expiresAt.toMillis() > Date.now())
    throw new AppError('conflict', 'An import is still being checked. Wait for it to finish, then erase your account.');
}

/** One transaction: a job either started before (and is seen) or sees the lease and refuses. */
export async function takeErasureLease(scope: UserScope): Promise<void> {
  await adminDb().runTransaction(async (tx) => {
    await assertNoRunningJobs(tx, scope);
    tx.set(erasureLeaseRef(scope), {
      takenAt: Timestamp.now(),
      expiresAt: Timestamp.fromMillis(Date.now() + ERASURE_LEASE_MS),
    });
  });
}

/** Best effort: a lease that cannot be deleted still expires (ERASURE_LEASE_MS). */
export async function releaseErasureLease(scope: UserScope): Promise<void> {
  await erasureLeaseRef(scope)
    .delete()
    .catch((error: unknown) => console.error('[erasure] could not release the lease; it expires by itself', error));
}
