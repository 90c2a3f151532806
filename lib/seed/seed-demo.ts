import 'server-only';
import { getEnv } from '@/lib/config/env';
import { readDerivedView, type DerivedViewSpec } from '@/lib/derived-views/derived-view';
import { journalSearchView } from '@/lib/journal/journal-search-view';
import { moodView } from '@/lib/mood/mood-view';
import { STORAGE_VIEWS } from '@/lib/sync-settings/storage-views';
import { simulateFleet, type FleetOptions, type SimulatedAccount } from '@/lib/simulator/simulate-fleet';
import { DEMO_ACCOUNTS, DEMO_USER, HEAVY_USER, SECOND_USER, type DemoAccount } from './demo-accounts';
import { FLEET_USERS, seedFleet } from './seed-fleet';
import { planHeavyUser, historyWrites, writeHistoryInBulk } from './plan-heavy-user';
import { deleteUserData, ensureAuthUser } from './write-history';

const DERIVED_VIEWS: DerivedViewSpec<unknown>[] = [journalSearchView, moodView, ...Object.values(STORAGE_VIEWS)];

export type SeedOptions = {
  /** The instant the histories end (default: now); nothing is dated after it. Fix it to get the same data on every run. */
  nowMs?: number;
  heavy?: boolean;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
};

export type SeedSummary = {
  users: number;
  journal: number;
  moods: number;
  syncAttempts: number;
  conflicts: number;
  fleetUsers: number;
  fleetSyncEvents: number;
};

export const DEMO_SEED = 20261125;

export const LIGHTHOUSE_ENTRY = {
  daysAgo: 12,
  title: 'Walk to the lighthouse',
  body: 'Took the early train to the coast and **walked to the lighthouse**. Wind, gulls, salt on my lips.\n\n- no phone for three hours\n- a thermos of tea\n\nI want to come back in spring.',
  tags: ['outdoors', 'selfcare'],
};

const simulated = (
  account: DemoAccount,
  days: number,
  devices: SimulatedAccount['devices'],
  pinned?: SimulatedAccount['pinned'],
  doubleEditsDaysAgo?: number[],
): SimulatedAccount => ({
  uid: account.uid,
  email: account.email,
  displayName: account.displayName,
  timeZone: account.timezone,
  password: account.password,
  days,
  devices,
  pinned,
  doubleEditsDaysAgo,
});

/** The demo accounts' simulation (scripts/find-hard-days.ts replays it without a database). */
export const DEMO_SIMULATION = {
  users: [
    simulated(
      DEMO_USER,
      730,
      [
        { id: 'ios-4f2a9c', name: 'Alex\u2019s iPhone', platform: 'ios', model: 'iPhone 15', appVersion: '3.2.1' },
        { id: 'android-7be310', name: 'Pixel at home', platform: 'android', model: 'Pixel 8', appVersion: '3.1.0' },
      ],
      [LIGHTHOUSE_ENTRY],
      // Two edits of the same entry on both phones before either synced: the Conflicts page has something to show.
      [4, 9],
    ),
    simulated(SECOND_USER, 60, [
      {
        id: 'android-5a11ce',
        name: 'Sam\u2019s Galaxy',
        platform: 'android',
        model: 'Galaxy S24',
        appVersion: '3.2.1',
      },
    ]),
  ],
  devicesPerUser: 1,
  days: 60,
  failureRate: 0.001,
  offlineRate: 0.04,
  busyDays: 30,
  quietSyncEveryDays: 7,
} satisfies Partial<FleetOptions>;

/** Played by the simulator with the real protocol, so the data is what phones would have produced. */
export async function seedDemo(options: SeedOptions = {}): Promise<SeedSummary> {
  const { projectId } = getEnv();
  if (!projectId.startsWith('demo-'))
    throw new Error(`Refusing to seed ${projectId}: demo data only goes into demo- projects.`);
  const seed = options.seed ?? DEMO_SEED;
  const nowMs = options.nowMs ?? Date.now();
  const accounts = options.heavy ? [...DEMO_ACCOUNTS, HEAVY_USER] : [...DEMO_ACCOUNTS];
  await Promise.all(accounts.map((account) => deleteUserData(account.uid)));
  await Promise.all(accounts.map((account) => ensureAuthUser({ account })));

  const heavy = options.heavy ? planHeavyUser({ nowMs, seed }) : null;
  const heavyWrites = heavy ? historyWrites(heavy) : 0;
  const demoDays = 730 + 60;
  let simulatedDays = 0;
  let written = 0;
  let fleetDone = 0;
  let fleetTotal = FLEET_USERS * 100; // replaced by the fleet's own count once it starts
  const report = () => options.onProgress?.(simulatedDays + written + fleetDone, demoDays + heavyWrites + fleetTotal);

  const fleet = await simulateFleet({
    ...DEMO_SIMULATION,
    seed,
    nowMs,
    transport: 'server',
    concurrency: 2,
    onProgress: (done) => {
      simulatedDays = done;
      report();
    },
  });

  if (heavy) {
    await writeHistoryInBulk(heavy, () => {
      written += 1;
      if (written % 500 === 0) report();
    });
    report();
  }

  // The admin pages' synthetic fleet, and the rollups over everything seeded (lib/seed/seed-fleet.ts).
  const synthetic = await seedFleet({
    nowMs,
    seed,
    onProgress: (done, total) => {
      fleetDone = done;
      fleetTotal = total;
      report();
    },
  });

  // Built now, as a first visit would, so the first search or chart of a fresh demo does not rebuild them.
  await Promise.all(
    accounts.map((account) => Promise.all(DERIVED_VIEWS.map((view) => readDerivedView(account, view)))),
  );

  return {
    users: accounts.length,
    journal: fleet.journalEntries + (heavy?.journal.length ?? 0),
    moods: fleet.moodEntries + (heavy?.moods.length ?? 0),
    syncAttempts: fleet.attempts.length,
    conflicts: fleet.conflicts,
    fleetUsers: synthetic.users,
    fleetSyncEvents: synthetic.syncEvents,
  };
}

export function describeSeed(summary: SeedSummary): string {
  return (
    `Seeded ${summary.users} demo accounts: ${summary.journal} journal entries and ${summary.moods} check-ins through ${summary.syncAttempts} simulated sync attempts ` +
    `(${summary.conflicts} conflicts kept), and an admin fleet of ${summary.fleetUsers} users with ${summary.fleetSyncEvents} sync events, rolled up.`
  );
}
