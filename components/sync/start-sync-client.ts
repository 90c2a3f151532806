import { Timestamp } from 'firebase/firestore';
import { clientDb } from '@/lib/firebase/client';
import type { PublicFirebaseConfig } from '@/lib/firebase/public-config';
import { replicaName } from '@/lib/sync/erase-local-replicas';
import { indexedDbStore } from '@/lib/sync/stores/indexeddb-store';
import { SyncClient } from '@/lib/sync/sync-client';
import { webCloud } from '@/lib/sync/web-cloud';
import { listenToCloud } from './listen-to-cloud';
import { signInBrowserDevice } from './sign-in-browser-device';

export type BrowserDevice = { uid: string; deviceId: string; deviceName: string; appVersion: string };

/**
 * Signs the browser's SDK in as this session's web device, opens its SyncClient on the IndexedDB outbox, and listens
 * for changes committed after `sinceMillis` (with a margin for clock differences).
 */
export async function startSyncClient(
  config: PublicFirebaseConfig,
  device: BrowserDevice,
  { sinceMillis, onReceived, onRevoked }: { sinceMillis: number; onReceived: () => void; onRevoked: () => void },
): Promise<{ client: SyncClient; stopListening: () => void }> {
  const { uid, deviceId } = device;
  await signInBrowserDevice(config, uid, deviceId);
  const db = clientDb(config);
  const client = await SyncClient.open({
    device: { id: deviceId, platform: 'web', appVersion: device.appVersion, name: device.deviceName },
    cloud: webCloud(db, uid, { isOnline: () => navigator.onLine }),
    store: indexedDbStore(replicaName(uid, deviceId), (s, ns) => new Timestamp(s, ns)),
    pull: 'listener',
  });
  const stopListening = listenToCloud(db, {
    uid,
    deviceId,
    since: Timestamp.fromMillis(sinceMillis - 5_000),
    client,
    onReceived,
    onRevoked,
  });
  return { client, stopListening };
}
