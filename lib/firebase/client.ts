'use client';

import { getApps, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, initializeAuth, inMemoryPersistence, type Auth } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore';
import { emulatorAddress } from './emulator-address';
import type { PublicFirebaseConfig } from './public-config';

/** Config comes from the server at request time, so one build runs against any project. */
export function clientApp(config: PublicFirebaseConfig, name: string = config.projectId): FirebaseApp {
  const existing = getApps().find((app) => app.name === name);
  if (existing) return existing;
  // A name per signed-in identity: the device simulator plays many users in one process.
  const app = initializeApp(
    { apiKey: config.apiKey, authDomain: config.authDomain, projectId: config.projectId, appId: config.appId },
    name,
  );
  // The HttpOnly session cookie is the source of truth; the browser's Firebase session lives in memory only
  // and is re-established from the cookie (see components/auth/use-firebase-user.ts).
  initializeAuth(app, { persistence: inMemoryPersistence });
  if (config.emulators) {
    const pageHostname = typeof location === 'undefined' ? '' : location.hostname;
    const auth = emulatorAddress(config.emulators.auth, pageHostname);
    const firestore = emulatorAddress(config.emulators.firestore, pageHostname);
    connectAuthEmulator(getAuth(app), `http://${auth.host}:${auth.port}`, { disableWarnings: true });
    connectFirestoreEmulator(getFirestore(app), firestore.host, firestore.port);
  }
  return app;
}

export const clientAuth = (config: PublicFirebaseConfig, name?: string): Auth => getAuth(clientApp(config, name));
export const clientDb = (config: PublicFirebaseConfig, name?: string): Firestore =>
  getFirestore(clientApp(config, name));
