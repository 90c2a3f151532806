import 'server-only';
import { Timestamp } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { Caller } from '@/lib/auth/scope';
import { ZSyncSettings } from '@/lib/contract/schemas';
import { syncSettingsRef } from '@/lib/firebase/refs';

export const ZUpdateSyncSettingsRequest = z
  .object({
    enabled: z.boolean(),
    collections: z.object({ journal: z.boolean(), mood: z.boolean(), profile: z.boolean() }).strict(),
  })
  .strict();

export async function updateSyncSettings(
  caller: Caller,
  request: z.infer<typeof ZUpdateSyncSettingsRequest>,
): Promise<void> {
  const settings = ZSyncSettings.strict().parse({ ...request, updatedAt: Timestamp.now(), updatedBy: caller.deviceId });
  await syncSettingsRef(caller).set(settings);
}
