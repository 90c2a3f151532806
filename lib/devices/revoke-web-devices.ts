import 'server-only';
import { Timestamp } from 'firebase-admin/firestore';
import type { UserScope } from '@/lib/auth/scope';
import { DEVICES } from '@/lib/contract/paths';
import { adminDb } from '@/lib/firebase/admin';
import { runQuery } from '@/lib/firebase/metered';
import { userCollection } from '@/lib/firebase/refs';

export async function revokeWebDevices(scope: UserScope): Promise<number> {
  const active = await runQuery(
    userCollection(scope, DEVICES).where('platform', '==', 'web').where('revokedAt', '==', null),
  );
  const now = Timestamp.now();
  for (let i = 0; i < active.docs.length; i += 500) {
    const batch = adminDb().batch();
    for (const doc of active.docs.slice(i, i + 500)) batch.update(doc.ref, { revokedAt: now });
    await batch.commit();
  }
  return active.size;
}
