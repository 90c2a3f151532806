import 'server-only';
import { applicationDefault, getApps, initializeApp, type App } from 'firebase-admin/app';
import { getAuth, type Auth } from 'firebase-admin/auth';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { getEnv } from '@/lib/config/env';

/** The only place firebase-admin is initialised. */
export function adminApp(): App {
  const env = getEnv();
  const name = `wellsync:${env.projectId}`;
  return (
    getApps().find((app) => app.name === name) ??
    initializeApp(
      { projectId: env.projectId, ...(env.mode === 'production' ? { credential: applicationDefault() } : {}) },
      name,
    )
  );
}

export function adminDb(): Firestore {
  return getFirestore(adminApp());
}

export function adminAuth(): Auth {
  return getAuth(adminApp());
}
