import { describeSeed, seedDemo } from '@/lib/seed/seed-demo';

/** Seeds the demo accounts into the e2e project once per run, exactly as `npm run dev` does. */
export default async function globalSetup() {
  if (!process.env.FIRESTORE_EMULATOR_HOST) throw new Error('Run the e2e tests through `npm test`, which starts the emulators.');
  const summary = await seedDemo();
  console.log(`e2e: ${describeSeed(summary)}`);
}
