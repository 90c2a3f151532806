// Seeds the demo accounts into the emulators named by FIRESTORE_EMULATOR_HOST / FIREBASE_AUTH_EMULATOR_HOST.
// Usage: npm run seed -- [--heavy] [--now 2026-11-25T09:40:00Z]
import { parseArgs } from 'node:util';
import { progressBar } from '@/lib/dev/progress-bar';
import { describeSeed, seedDemo } from '@/lib/seed/seed-demo';

const { values } = parseArgs({ options: { heavy: { type: 'boolean', default: false }, now: { type: 'string' } } });
if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
  console.error(
    'The seed writes demo data to the emulators only. Start them with `npm run dev`, or set FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST.',
  );
  process.exit(2);
}
const nowMs = values.now === undefined ? undefined : Date.parse(values.now);
if (nowMs !== undefined && Number.isNaN(nowMs)) {
  console.error(`--now takes an ISO 8601 instant such as 2026-11-25T09:40:00Z; "${values.now}" is not one.`);
  process.exit(2);
}
const bar = progressBar('Seeding demo data');
const summary = await seedDemo({ heavy: values.heavy, nowMs, onProgress: bar.update });
bar.stop();
console.log(describeSeed(summary));
process.exit(0);
