import 'server-only';
import type { UserScope } from '@/lib/auth/scope';
import { parseDocs } from '@/lib/contract/parse-docs';
import { DEVICES } from '@/lib/contract/paths';
import { ZDevice } from '@/lib/contract/schemas';
import { runQuery } from '@/lib/firebase/metered';
import { userCollection } from '@/lib/firebase/refs';

export type DeviceSummary = {
  id: string;
  name: string;
  platform: 'ios' | 'android' | 'web';
  model: string | null;
  appVersion: string;
  createdAtMs: number;
  lastSeenAtMs: number;
  lastSyncAtMs: number | null;
  lastSyncStatus: 'ok' | 'error' | null;
  pendingChanges: number;
  revokedAtMs: number | null;
};

export async function listDevices(scope: UserScope): Promise<DeviceSummary[]> {
  const { items } = parseDocs(ZDevice, (await runQuery(userCollection(scope, DEVICES))).docs);
  return items
    .map((device) => ({
      id: device.id,
      name: device.name,
      platform: device.platform,
      model: device.model ?? null,
      appVersion: device.appVersion,
      createdAtMs: device.createdAt.toMillis(),
      lastSeenAtMs: device.lastSeenAt.toMillis(),
      lastSyncAtMs: device.lastSyncAt?.toMillis() ?? null,
      lastSyncStatus: device.lastSyncStatus,
      pendingChanges: device.pendingChanges,
      revokedAtMs: device.revokedAt?.toMillis() ?? null,
    }))
    .sort(
      (a, b) =>
        Number(a.revokedAtMs !== null) - Number(b.revokedAtMs !== null) ||
        (b.lastSyncAtMs ?? b.lastSeenAtMs) - (a.lastSyncAtMs ?? a.lastSeenAtMs),
    );
}
