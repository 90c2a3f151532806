import { createHash } from 'node:crypto';
import { expect } from 'vitest';

/**
 * Gives this test file a Firestore project of its own, emptied first. Call it at the top of the file, before
 * any lib/ function runs (the environment is read once). Only for tests that never sign a client in.
 */
export async function useIsolatedProject(): Promise<string> {
  const testFile = expect.getState().testPath ?? String(Math.random());
  const projectId = `demo-it-${createHash('sha1').update(testFile).digest('hex').slice(0, 10)}`;
  process.env.FIREBASE_PROJECT_ID = projectId;
  process.env.GCLOUD_PROJECT = projectId;
  await fetch(
    `http://${process.env.FIRESTORE_EMULATOR_HOST}/emulator/v1/projects/${projectId}/databases/(default)/documents`,
    { method: 'DELETE' },
  );
  return projectId;
}
