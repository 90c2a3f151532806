import { randomUUID } from 'node:crypto';
import { signInWithCustomToken } from 'firebase/auth';
import { setLogLevel, type Firestore } from 'firebase/firestore';
import { GET as firebaseToken } from '@/app/api/auth/firebase-token/route';
import { publicFirebaseConfig } from '@/lib/config/env';
import { clientAuth, clientDb } from '@/lib/firebase/client';
import { request, routeContext } from '../../helpers/users';

/** What someone holding a copy of a browser's session cookie can get from the portal, step by step. */
export async function customTokenFor(cookie: string): Promise<Response> {
  return firebaseToken(request('/api/auth/firebase-token', { cookie }), routeContext());
}

/**
 * The stolen cookie turned into a Firebase sign-in of its own: the custom token the portal hands out, signed in
 * with the browser SDK (a fresh app, so nothing is shared with other tests). Returns the ID token and the
 * Firestore that sign-in reads through the security rules.
 */
export async function signInFromStolenCookie(cookie: string): Promise<{ idToken: string; db: Firestore }> {
  const response = await customTokenFor(cookie);
  if (response.status !== 200) throw new Error(`custom token refused: ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  setLogLevel('silent'); // refused reads are the point here
  const config = publicFirebaseConfig();
  const name = `attacker-${randomUUID()}`;
  const credential = await signInWithCustomToken(clientAuth(config, name), token);
  return { idToken: await credential.user.getIdToken(), db: clientDb(config, name) };
}

/** The claims of an ID token, read without verifying it (the tests verify through the server). */
export function claimsOf(idToken: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
}
