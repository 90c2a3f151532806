import 'server-only';
import { signInWithCustomToken } from 'firebase/auth';
import { Timestamp as ClientTimestamp } from 'firebase/firestore';
import { publicFirebaseConfig } from '@/lib/config/env';
import { adminAuth } from '@/lib/firebase/admin';
import { clientAuth, clientDb } from '@/lib/firebase/client';
import { adminCloud } from '@/lib/sync/admin-cloud';
import type { SyncCloud } from '@/lib/sync/types';
import { webCloud } from '@/lib/sync/web-cloud';

/** `client` is a phone's path, through the rules; `server` (firebase-admin) is faster, for the demo seed. */
export type Transport = 'client' | 'server';

export async function connectUser(
  uid: string,
  transport: Transport,
): Promise<{ cloud: SyncCloud; timestamp: (ms: number) => unknown }> {
  if (transport === 'server') {
    const cloud = adminCloud({ uid });
    return { cloud, timestamp: cloud.timestamp };
  }
  const config = publicFirebaseConfig();
  const name = `simulator-${uid}`;
  const auth = clientAuth(config, name);
  if (auth.currentUser?.uid !== uid) await signInWithCustomToken(auth, await adminAuth().createCustomToken(uid));
  return { cloud: webCloud(clientDb(config, name), uid), timestamp: (ms) => ClientTimestamp.fromMillis(ms) };
}
