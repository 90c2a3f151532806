import { getEnv } from '@/lib/config/env';
import { describeSeed, seedDemo } from '@/lib/seed/seed-demo';

/**
 * Starts the e2e run from the demo data alone, exactly as `npm run dev` seeds it. The emulators may still hold
 * what the integration tests wrote (they share the default project), which would change what the admin
 * reports show, so the Firestore project is emptied first.
 */
export default async function globalSetup() {
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  if (!host) throw new Error('Run the e2e tests through `npm test`, which starts the emulators.');
  const { projectId } = getEnv();
  if (!projectId.startsWith('demo-')) throw new Error(`Refusing to wipe ${projectId}.`);
  const wiped = await fetch(`http://${host}/emulator/v1/projects/${projectId}/databases/(default)/documents`, {
    method: 'DELETE',
  });
  if (!wiped.ok) throw new Error(`Could not empty the emulator: ${wiped.status}`);
  const summary = await seedDemo();
  console.log(`e2e: ${describeSeed(summary)}`);
}
