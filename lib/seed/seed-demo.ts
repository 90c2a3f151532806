import 'server-only';
import { getEnv } from '@/lib/config/env';
import { adminDb } from '@/lib/firebase/admin';
import { utcDay } from '@/lib/metrics/utc-days';
import { dayKeyOf, type DayKey } from '@/lib/time/zoned';
import { DEMO_ADMIN, DEMO_USER, HEAVY_USER, SECOND_USER, type DemoAccount } from './demo-accounts';
import { generateHistory, type HistoryOptions, type UserHistory } from './generate-history';
import { generateTelemetry, type PlannedSyncEvent } from './generate-telemetry';
import { seedFleet } from './seed-fleet';
import { countWrites, deleteUserData, ensureAuthUser, queueHistory } from './write-history';

export type SeedOptions = {
  /** The last day of the histories (default: today). Fix it to get byte-identical data. */
  today?: DayKey;
  heavy?: boolean;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
};

export type SeedSummary = { users: number; documents: number; journal: number; moods: number; syncEvents: number };

export const DEMO_SEED = 20261125;
const TELEMETRY_DAYS = 180;
/** The entry the demo and the e2e tests search for. */
export const LIGHTHOUSE_ENTRY = {
  daysAgo: 12,
  title: 'Walk to the lighthouse',
  body: 'Took the early train to the coast and **walked to the lighthouse**. Wind, gulls, salt on my lips.\n\n- no phone for three hours\n- a thermos of tea\n\nI want to come back in spring.',
  tags: ['outdoors', 'selfcare'],
};

type Plan = { account: DemoAccount; options?: Omit<HistoryOptions, 'today' | 'seed'> };

function plans(heavy: boolean): Plan[] {
  const list: Plan[] = [
    {
      account: DEMO_USER,
      options: {
        days: 730,
        journalRate: 0.75,
        moodsPerDay: 1,
        devices: [
          { id: 'ios-4f2a9c', name: 'Alex\u2019s iPhone', platform: 'ios', model: 'iPhone 15', appVersion: '3.2.1' },
          { id: 'android-7be310', name: 'Pixel at home', platform: 'android', model: 'Pixel 8', appVersion: '3.1.0' },
        ],
        pinned: [LIGHTHOUSE_ENTRY],
      },
    },
    {
      account: SECOND_USER,
      options: {
        days: 60,
        journalRate: 0.5,
        moodsPerDay: 1,
        devices: [{ id: 'android-5a11ce', name: 'Sam\u2019s Galaxy', platform: 'android', model: 'Galaxy S24', appVersion: '3.2.1' }],
      },
    },
    { account: DEMO_ADMIN },
  ];
  if (heavy) {
    list.push({
      account: HEAVY_USER,
      options: {
        days: 3650,
        journalRate: 1,
        moodsPerDay: 2,
        devices: [
          { id: 'ios-hv01', name: 'iPhone', platform: 'ios', model: 'iPhone 16', appVersion: '3.2.1' },
          { id: 'android-hv02', name: 'Tablet', platform: 'android', model: 'Pixel Tablet', appVersion: '3.2.1' },
        ],
      },
    });
  }
  return list;
}

/**
 * Seeds the demo accounts through the data contract: Auth users (with the admin claim), profiles, sync
 * settings, devices, journal, moods and telemetry. Existing demo data is removed first, so it is repeatable.
 * It refuses any project that is not a `demo-` project.
 */
export async function seedDemo(options: SeedOptions = {}): Promise<SeedSummary> {
  const { projectId } = getEnv();
  if (!projectId.startsWith('demo-')) throw new Error(`Refusing to seed ${projectId}: demo data only goes into demo- projects.`);
  const seed = options.seed ?? DEMO_SEED;

  const planned = plans(options.heavy ?? false).map(({ account, options: history }) => {
    const today = options.today ?? dayKeyOf(Date.now(), account.timezone);
    const userHistory: UserHistory = history
      ? generateHistory(account, { ...history, today, seed })
      : { account, createdAtMs: Date.now(), devices: [], journal: [], moods: [] };
    const telemetry = history ? telemetryFor(userHistory, today, seed, Math.min(TELEMETRY_DAYS, history.days)) : [];
    return { history: userHistory, telemetry };
  });

  await Promise.all(planned.map(({ history }) => deleteUserData(history.account.uid)));
  await Promise.all(planned.map(({ history }) => ensureAuthUser(history)));

  const total = planned.reduce((n, { history, telemetry }) => n + countWrites(history, telemetry), 0);
  let done = 0;
  options.onProgress?.(0, total);
  // Demo projects only (checked above): no need for BulkWriter's production ramp-up throttle.
  const writer = adminDb().bulkWriter({ throttling: false });
  const writes = planned.flatMap(({ history, telemetry }) =>
    queueHistory(writer, history, telemetry, () => {
      done += 1;
      if (done % 250 === 0 || done === total) options.onProgress?.(done, total);
    }),
  );
  await writer.close();
  await Promise.all(writes);
  // The admin pages' fleet, and the rollups over everything seeded (lib/seed/seed-fleet.ts).
  const fleet = await seedFleet({ today: options.today ?? utcDay(Date.now()), seed, onProgress: (n, of) => options.onProgress?.(total + n, total + of) });

  return {
    users: planned.length + fleet.users,
    documents: total + fleet.documents,
    journal: planned.reduce((n, p) => n + p.history.journal.length, 0),
    moods: planned.reduce((n, p) => n + p.history.moods.length, 0),
    syncEvents: planned.reduce((n, p) => n + p.telemetry.length, 0) + fleet.syncEvents,
  };
}

function telemetryFor(history: UserHistory, today: DayKey, seed: number, days: number): PlannedSyncEvent[] {
  const edits = new Map<string, number>();
  for (const doc of [...history.journal.map((e) => ({ at: e.updatedAtMs, deviceId: e.deviceId })), ...history.moods.map((m) => ({ at: m.updatedAtMs, deviceId: m.deviceId }))]) {
    const key = `${doc.deviceId}|${dayKeyOf(doc.at, history.account.timezone)}`;
    edits.set(key, (edits.get(key) ?? 0) + 1);
  }
  return generateTelemetry(history.account.uid, history.devices, {
    today,
    days,
    timeZone: history.account.timezone,
    seed,
    editsOn: (deviceId, day) => edits.get(`${deviceId}|${day}`) ?? 0,
  });
}
