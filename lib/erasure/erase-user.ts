import 'server-only';
import { randomUUID } from 'node:crypto';
import type { UserScope } from '@/lib/auth/scope';
import { adminAuth, adminDb } from '@/lib/firebase/admin';
import { erasureLeaseRef } from '@/lib/jobs/erasure-lease';
import { authAccountLocator } from './auth-account-locator';
import { ERASURE_RECEIPTS, keptReceipt, type ErasureReceipt } from './erasure-receipt';
import type { LocatedData } from './user-data-locator';
import { USER_DATA_LOCATORS } from './user-data-locators';

/** Sessions first, account last; every step is idempotent, so a cut-short erasure is simply run again. */
export async function eraseUser(
  scope: UserScope,
  onProgress: (deleted: number) => void = () => undefined,
): Promise<ErasureReceipt> {
  const startedAt = new Date().toISOString();
  await adminAuth()
    .revokeRefreshTokens(scope.uid)
    .catch((error: { code?: string }) => {
      if (error.code !== 'auth/user-not-found') throw error;
    });
  let deleted = 0;
  const tick = (n: number) => onProgress((deleted += n));
  const items: LocatedData[] = [];
  for (const locator of USER_DATA_LOCATORS) items.push(...(await locator.erase(scope, tick)));
  items.push(...(await authAccountLocator.erase(scope, tick)));
  const receipt: ErasureReceipt = {
    id: randomUUID(),
    startedAt,
    completedAt: new Date().toISOString(),
    items,
    total: items.reduce((n, i) => n + i.count, 0),
  };
  await adminDb().collection(ERASURE_RECEIPTS).doc(receipt.id).set(keptReceipt(receipt, scope.uid));
  // The lease names the uid, so it goes too; nothing can start now that the sessions and the account are gone.
  await erasureLeaseRef(scope).delete();
  return receipt;
}
