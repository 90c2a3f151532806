import 'server-only';
import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { userCollection } from '@/lib/firebase/refs';
import { HEAVY_USER, type DemoAccount } from '@/lib/seed/demo-accounts';
import { generateHistory, type UserHistory } from '@/lib/seed/generate-history';
import { seedFleet } from '@/lib/seed/seed-fleet';
import { historyWrites, planHeavyUser, writeHistoryInBulk } from '@/lib/seed/plan-heavy-user';
import { ensureAuthUser } from '@/lib/seed/write-history';
import { BENCH_MARKER } from './export-tools';

export type Seeded = { documents: number; seconds: number };
export type SeedReport = {
  fleetUsers: number;
  syncEvents: number;
  fleet: Seeded;
  heavy: Seeded;
  load: Seeded & { users: number };
  large: Seeded;
};
type Progress = (label: string, done: number, total: number) => void;

/** A user with 100,000 documents, for the export's memory bound: a journal entry and two check-ins a day for 91 years. */
export const LARGE_USER: DemoAccount = {
  uid: 'bench-100k',
  email: 'large@bench.wellsync.test',
  password: '',
  displayName: 'Bench large',
  timezone: 'UTC',
  role: 'user',
  description: '',
};

/**
 * The heavy user, ten years of daily journal and mood, with one entry whose `updatedAt` has microseconds for the
 * export's timestamp check. Seeded first, so the exports are compared while the database holds little else.
 */
export async function seedHeavyUser(nowMs: number, onProgress: Progress): Promise<Seeded> {
  const started = performance.now();
  await ensureAuthUser({ account: HEAVY_USER });
  const documents = await writeWithProgress('heavy user', planHeavyUser({ nowMs, seed: 6 }), onProgress);
  const at = new Timestamp(BENCH_MARKER.seconds, BENCH_MARKER.nanoseconds);
  await userCollection(HEAVY_USER, 'journal_entries')
    .doc(BENCH_MARKER.id)
    .set({
      title: 'Timestamp check',
      body: 'Microseconds must survive an export.',
      tags: [],
      mood: null,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      rev: `${at.toMillis()}:0000:ios-hv01`,
      baseRev: null,
      deviceId: 'ios-hv01',
      syncedAt: FieldValue.serverTimestamp(),
    });
  return { documents: documents + 1, seconds: (performance.now() - started) / 1000 };
}

/** The load test's users: a year of daily check-ins and a journal entry on about half the days, one phone each. */
export async function seedLoadUsers(
  nowMs: number,
  count: number,
  onProgress: Progress,
): Promise<{ accounts: DemoAccount[]; seeded: Seeded & { users: number } }> {
  const started = performance.now();
  const accounts = Array.from({ length: count }, (_, n): DemoAccount => {
    const uid = `bench-load-${String(n + 1).padStart(2, '0')}`;
    return {
      uid,
      email: `${uid}@bench.wellsync.test`,
      password: `bench-load-password-${n + 1}`,
      displayName: `Load user ${n + 1}`,
      timezone: 'UTC',
      role: 'user',
      description: '',
    };
  });
  let documents = 0;
  for (const [n, account] of accounts.entries()) {
    await ensureAuthUser({ account });
    const history = generateHistory(account, {
      nowMs,
      seed: 6,
      days: 365,
      journalRate: 0.5,
      moodsPerDay: 1,
      devices: [
        {
          id: `ios-${account.uid.slice(-2)}ld`,
          name: 'iPhone',
          platform: 'ios',
          model: 'iPhone 15',
          appVersion: '3.2.1',
        },
      ],
    });
    documents += await writeWithProgress('load users', history, () => {});
    onProgress('load users', n + 1, accounts.length);
  }
  return { accounts, seeded: { users: count, documents, seconds: (performance.now() - started) / 1000 } };
}

export async function seedLargeUser(nowMs: number, onProgress: Progress): Promise<Seeded> {
  const started = performance.now();
  const large = generateHistory(LARGE_USER, {
    nowMs,
    seed: 6,
    days: 33_334,
    journalRate: 1,
    moodsPerDay: 2,
    devices: [{ id: 'ios-lg01', name: 'iPhone', platform: 'ios', model: 'iPhone 16', appVersion: '3.2.1' }],
  });
  const documents = await writeWithProgress('100,000-document user', large, onProgress);
  return { documents, seconds: (performance.now() - started) / 1000 };
}

/** The admin pages' synthetic fleet at the size asked for: about 50 sync events a user over `telemetryDays`. */
export async function seedBenchFleet(options: {
  nowMs: number;
  users: number;
  telemetryDays: number;
  onProgress: Progress;
}): Promise<Pick<SeedReport, 'fleetUsers' | 'syncEvents' | 'fleet'>> {
  const started = performance.now();
  const fleet = await seedFleet({
    nowMs: options.nowMs,
    seed: 6,
    users: options.users,
    telemetryDays: options.telemetryDays,
    replayDays: 7,
    onProgress: (done, total) => options.onProgress('fleet', done, total),
  });
  return {
    fleetUsers: fleet.users,
    syncEvents: fleet.syncEvents,
    fleet: { documents: fleet.documents, seconds: (performance.now() - started) / 1000 },
  };
}

async function writeWithProgress(label: string, history: UserHistory, onProgress: Progress): Promise<number> {
  const total = historyWrites(history);
  let done = 0;
  await writeHistoryInBulk(history, () => {
    done += 1;
    if (done % 2000 === 0) onProgress(label, done, total);
  });
  onProgress(label, total, total);
  return total;
}
