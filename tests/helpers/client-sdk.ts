import { signInWithCustomToken } from 'firebase/auth';
import { setLogLevel, type Firestore } from 'firebase/firestore';
import { publicFirebaseConfig } from '@/lib/config/env';
import { adminAuth } from '@/lib/firebase/admin';
import { clientAuth, clientDb } from '@/lib/firebase/client';

/**
 * The browser SDK signed in as a user, as a phone or the portal is: every read and write passes the
 * security rules. Each user gets an app instance of their own.
 */
export async function signedInFirestore(uid: string): Promise<Firestore> {
  setLogLevel('silent'); // refused writes are expected in some tests; the SDK would log each one
  const config = publicFirebaseConfig();
  const name = `test-${uid}`;
  const auth = clientAuth(config, name);
  if (auth.currentUser?.uid !== uid) await signInWithCustomToken(auth, await adminAuth().createCustomToken(uid));
  return clientDb(config, name);
}
