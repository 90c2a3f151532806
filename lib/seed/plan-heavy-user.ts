import 'server-only';
import { adminDb } from '@/lib/firebase/admin';
import { HEAVY_USER } from './demo-accounts';
import { generateHistory, type UserHistory } from './generate-history';
import { countWrites, queueHistory } from './write-history';

/** Ten years of one journal entry and two check-ins a day from two phones (`npm run dev -- --heavy`, and the benchmarks). */
export function planHeavyUser(options: { nowMs: number; seed: number }): UserHistory {
  return generateHistory(HEAVY_USER, {
    nowMs: options.nowMs,
    seed: options.seed,
    days: 3650,
    journalRate: 1,
    moodsPerDay: 2,
    devices: [
      { id: 'ios-hv01', name: 'iPhone', platform: 'ios', model: 'iPhone 16', appVersion: '3.2.1' },
      { id: 'android-hv02', name: 'Tablet', platform: 'android', model: 'Pixel Tablet', appVersion: '3.2.1' },
    ],
  });
}

export const historyWrites = (history: UserHistory) => countWrites(history, []);

/** Replaying ten years of syncs would take minutes; demo projects only, so no ramp-up throttle. */
export async function writeHistoryInBulk(history: UserHistory, onWrite: () => void): Promise<void> {
  const writer = adminDb().bulkWriter({ throttling: false });
  const writes = queueHistory(writer, history, [], onWrite);
  await writer.close();
  await Promise.all(writes);
}
