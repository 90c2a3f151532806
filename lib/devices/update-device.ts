import 'server-only';
import { FieldValue } from 'firebase-admin/firestore';
import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import type { UserScope } from '@/lib/auth/scope';
import { adminDb } from '@/lib/firebase/admin';
import { countReads } from '@/lib/firebase/metered';
import { deviceRef } from '@/lib/firebase/refs';

export const ZRenameDeviceRequest = z.object({
  name: z.string().trim().min(1, 'Give the device a name').max(100, 'Keep the name to 100 characters'),
});

export async function renameDevice(scope: UserScope, deviceId: string, name: string): Promise<void> {
  const ref = deviceRef(scope, deviceId);
  await adminDb().runTransaction(async (tx) => {
    countReads(1);
    if (!(await tx.get(ref)).exists) throw new AppError('not-found', 'That device was not found.');
    tx.update(ref, { name });
  });
}

/** The rules refuse its writes; a phone signs out on seeing it, a web session on its next request. */
export async function revokeDevice(scope: UserScope, deviceId: string): Promise<{ alreadyRevoked: boolean }> {
  const ref = deviceRef(scope, deviceId);
  return adminDb().runTransaction(async (tx) => {
    countReads(1);
    const device = await tx.get(ref);
    if (!device.exists) throw new AppError('not-found', 'That device was not found.');
    if (device.get('revokedAt') != null) return { alreadyRevoked: true };
    tx.update(ref, { revokedAt: FieldValue.serverTimestamp() });
    return { alreadyRevoked: false };
  });
}
