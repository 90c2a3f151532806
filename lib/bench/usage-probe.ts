import 'server-only';
import { writeFileSync } from 'node:fs';
import { firestoreCallCount } from '@/lib/firebase/metered';

export type ServerUsage = { firestoreCalls: number };

/** Bench only: installed only against the emulators, opens no port and serves no route. */
export function installUsageProbe(file: string): void {
  const write = () =>
    writeFileSync(file, JSON.stringify({ firestoreCalls: firestoreCallCount() } satisfies ServerUsage));
  process.on('SIGUSR2', write);
  // Written once at boot, so the bench knows the probe is there: a build without it would die of the signal.
  write();
}
