import 'server-only';
import { randomUUID } from 'node:crypto';
import { AppError } from '@/lib/api/errors';
import type { UserScope } from '@/lib/auth/scope';
import { adminAuth, adminDb } from '@/lib/firebase/admin';
import { runQuery } from '@/lib/firebase/metered';
import { userCollection } from '@/lib/firebase/refs';
import { EXPORT_JOBS } from '@/lib/export/export-job';
import { IMPORT_JOBS } from '@/lib/import/import-job';
import { isStale } from '@/lib/jobs/job-status';
import { authAccountLocator } from './auth-account-locator';
import { ERASURE_RECEIPTS, keptReceipt, type ErasureReceipt } from './erasure-receipt';
import type { LocatedData } from './user-data-locator';
import { USER_DATA_LOCATORS } from './user-data-locators';

/** A running export or import would write into the tree being deleted, so erasure waits for it. */
export async function assertNoRunningJobs(scope: UserScope): Promise<void> {
  for (const [collection, status, what] of [[EXPORT_JOBS, 'running', 'An export'], [IMPORT_JOBS, 'applying', 'An import']] as const) {
    const running = await runQuery(userCollection(scope, collection).where('status', '==', status));
    if (running.docs.some((doc) => !isStale(doc.get('heartbeatAt')))) throw new AppError('conflict', `${what} is still running. Wait for it to finish, then erase your account.`);
  }
}

/**
 * Erases a user: sessions revoked first (phones and browsers stop), then every registered locator's data, then the
 * Auth account. Each step is idempotent, so an erasure cut short can simply be run again. Returns the receipt; a
 * copy without the user id is kept (keptReceipt).
 */
export async function eraseUser(scope: UserScope, onProgress: (deleted: number) => void = () => undefined): Promise<ErasureReceipt> {
  const startedAt = new Date().toISOString();
  await adminAuth().revokeRefreshTokens(scope.uid).catch((error: { code?: string }) => {
    if (error.code !== 'auth/user-not-found') throw error;
  });
  let deleted = 0;
  const tick = (n: number) => onProgress((deleted += n));
  const items: LocatedData[] = [];
  for (const locator of USER_DATA_LOCATORS) items.push(...(await locator.erase(scope, tick)));
  items.push(...(await authAccountLocator.erase(scope, tick)));
  const receipt: ErasureReceipt = { id: randomUUID(), startedAt, completedAt: new Date().toISOString(), items, total: items.reduce((n, i) => n + i.count, 0) };
  await adminDb().collection(ERASURE_RECEIPTS).doc(receipt.id).set(keptReceipt(receipt, scope.uid));
  return receipt;
}
