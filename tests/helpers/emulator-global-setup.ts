import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findFreePort } from '@/lib/dev/free-port';
import { startEmulators, type RunningEmulators } from '@/lib/dev/start-emulators';

/**
 * Starts the real Firestore and Auth emulators once for the run, unless `npm test` (scripts/test.ts)
 * already did and passed their hosts in the environment.
 */
let emulators: RunningEmulators | undefined;

export async function setup(project: TestProject) {
  if (!process.env.FIRESTORE_EMULATOR_HOST) {
    emulators = await startEmulators({
      projectId: 'demo-wellsync',
      firestorePort: await findFreePort(),
      authPort: await findFreePort(),
      rulesPath: path.resolve('firestore.rules'),
    });
    Object.assign(process.env, emulators.env);
  }
  project.provide('firestoreHost', process.env.FIRESTORE_EMULATOR_HOST!);
  project.provide('authHost', process.env.FIREBASE_AUTH_EMULATOR_HOST!);
  project.provide('projectId', process.env.FIREBASE_PROJECT_ID ?? 'demo-wellsync');
}

export async function teardown() {
  await emulators?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    firestoreHost: string;
    authHost: string;
    projectId: string;
  }
}
