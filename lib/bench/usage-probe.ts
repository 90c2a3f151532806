import 'server-only';
import { writeFileSync } from 'node:fs';
import { firestoreCallCount } from '@/lib/firebase/metered';

export type ServerUsage = { firestoreCalls: number };

/**
 * For `npm run bench` only: on SIGUSR2 the server writes its Firestore call count to `file`, so the bench can
 * report calls per page view. Installed by instrumentation.ts only when WELLSYNC_BENCH_USAGE_FILE is set and
 * the server runs against the emulators; it opens no port and serves no route, so production exposes nothing.
 */
export function installUsageProbe(file: string): void {
  const write = () =>
    writeFileSync(file, JSON.stringify({ firestoreCalls: firestoreCallCount() } satisfies ServerUsage));
  process.on('SIGUSR2', write);
  // Written once at boot, so the bench knows the probe is there: a build without it would die of the signal.
  write();
}
