import 'server-only';
import { Timestamp } from 'firebase-admin/firestore';
import { ZSyncSettings, ZUserProfile, type Platform } from '@/lib/contract/schemas';
import { adminAuth } from '@/lib/firebase/admin';
import { syncSettingsRef, userRef } from '@/lib/firebase/refs';
import { createRandom, deriveSeed } from '@/lib/seed/random';
import { memoryStore } from '@/lib/sync/stores/memory-store';
import type { SyncReport } from '@/lib/sync/sync-client';
import { connectUser, type Transport } from './connect-user';
import { simulateUser, type PinnedEntry, type SimulatedDevice, type UserSimulation } from './simulate-user';

export type SimulatedAccount = {
  uid: string;
  email: string;
  displayName: string;
  timeZone: string;
  password?: string;
  devices?: Omit<SimulatedDevice, 'skewMs'>[];
  pinned?: PinnedEntry[];
  days?: number;
  doubleEditsDaysAgo?: number[];
};

export type FleetOptions = {
  users: number | SimulatedAccount[];
  devicesPerUser: number;
  days: number;
  failureRate: number;
  offlineRate: number;
  seed: number;
  transport: Transport;
  nowMs?: number;
  journalRate?: number;
  syncsPerDay?: number;
  busyDays?: number;
  quietSyncEveryDays?: number;
  concurrency?: number;
  onProgress?: (doneUserDays: number, totalUserDays: number) => void;
  onRevoked?: (uid: string, deviceId: string) => void;
};

export type AttemptRecord = {
  platform: Platform;
  appVersion: string;
  status: SyncReport['status'];
  errorCode: string | null;
  durationMs: number;
  conflicts: number;
  merged: number;
};

export type FleetSummary = {
  users: number;
  devices: number;
  attempts: AttemptRecord[];
  edits: number;
  journalEntries: number;
  moodEntries: number;
  conflicts: number;
  merged: number;
  revokedDevices: string[];
};

const TIME_ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Europe/London',
  'Asia/Tokyo',
  'Australia/Sydney',
  'America/Los_Angeles',
  'Europe/Madrid',
];
const PHONES: Omit<SimulatedDevice, 'id' | 'skewMs' | 'name'>[] = [
  { platform: 'ios', model: 'iPhone 15', appVersion: '3.2.1' },
  { platform: 'android', model: 'Pixel 8', appVersion: '3.2.1' },
  { platform: 'android', model: 'Galaxy A54', appVersion: '3.1.0' },
  { platform: 'ios', model: 'iPhone 13', appVersion: '3.0.4' },
  { platform: 'android', model: 'Pixel 7a', appVersion: '3.0.4' },
];

/** docs/sync.md, "The device simulator". */
export async function simulateFleet(options: FleetOptions): Promise<FleetSummary> {
  const accounts: SimulatedAccount[] =
    typeof options.users === 'number'
      ? Array.from({ length: options.users }, (_, n) => {
          const uid = `sim-${options.seed}-${String(n).padStart(5, '0')}`;
          return {
            uid,
            email: `${uid}@sim.wellsync.test`,
            displayName: `Simulated ${n}`,
            timeZone: TIME_ZONES[n % TIME_ZONES.length]!,
          };
        })
      : options.users;
  const summary: FleetSummary = {
    users: accounts.length,
    devices: 0,
    attempts: [],
    edits: 0,
    journalEntries: 0,
    moodEntries: 0,
    conflicts: 0,
    merged: 0,
    revokedDevices: [],
  };
  const total = accounts.reduce((n, account) => n + (account.days ?? options.days), 0);
  let done = 0;
  options.onProgress?.(0, total);

  const nowMs = options.nowMs ?? Date.now();
  const queue = [...accounts];
  const worker = async () => {
    for (let account = queue.shift(); account; account = queue.shift()) {
      const plan = planUserSimulation(account, accounts.indexOf(account), { ...options, nowMs });
      summary.devices += plan.devices.length;
      await ensureAccount(account, plan.devices[0]?.id ?? 'simulator');
      const { cloud } = await connectUser(account.uid, options.transport);
      const result = await simulateUser({
        ...plan,
        connect: () => ({ cloud, store: memoryStore() }),
        onAttempt: (device, report) => {
          summary.attempts.push({
            platform: device.platform,
            appVersion: device.appVersion,
            status: report.status,
            errorCode: report.errorCode,
            durationMs: report.durationMs,
            conflicts: report.conflicts,
            merged: report.merged ?? 0,
          });
        },
        onDay: () => options.onProgress?.(++done, total),
        onRevoked: (device) => options.onRevoked?.(account!.uid, device.id),
      });
      summary.edits += result.edits;
      summary.journalEntries += result.journalEntries;
      summary.moodEntries += result.moodEntries;
      summary.conflicts += result.conflicts;
      summary.merged += result.merged;
      summary.revokedDevices.push(...result.revokedDevices);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return summary;
}

/** One account's simulation, without its connection: pure, so a search over days can replay the seed without a database. */
export function planUserSimulation(
  account: SimulatedAccount,
  index: number,
  options: Omit<FleetOptions, 'users' | 'transport'> & { nowMs: number },
): Omit<UserSimulation, 'connect'> {
  // Per-account randomness, so the outcome does not depend on which worker ran which account first.
  const random = createRandom(deriveSeed(options.seed, `fleet/${account.uid}`));
  const days = account.days ?? options.days;
  const devices: SimulatedDevice[] = (
    account.devices ??
    Array.from({ length: options.devicesPerUser }, (_, d) => {
      const phone = PHONES[(index + d) % PHONES.length]!;
      return { ...phone, id: `${phone.platform}-${account.uid.slice(-5)}${d}`, name: `${phone.model} ${d + 1}` };
    })
  ).map((device) => ({ ...device, skewMs: random.int(-600_000, 600_000) }));
  return {
    uid: account.uid,
    timeZone: account.timeZone,
    devices,
    nowMs: options.nowMs,
    days,
    seed: options.seed,
    failureRate: options.failureRate,
    offlineRate: options.offlineRate,
    journalRate: options.journalRate ?? 0.7,
    moodsPerDay: 1,
    syncsPerDay: options.syncsPerDay ?? 3,
    busyDays: Math.min(days, options.busyDays ?? 60),
    quietSyncEveryDays: options.quietSyncEveryDays,
    pinned: account.pinned,
    doubleEditsDaysAgo: account.doubleEditsDaysAgo,
  };
}

/** The app's first launch: an Auth account, a profile and sync settings (everything on). Existing ones are kept. */
async function ensureAccount(account: SimulatedAccount, firstDevice: string) {
  try {
    await adminAuth().getUser(account.uid);
  } catch {
    await adminAuth().createUser({
      uid: account.uid,
      email: account.email,
      displayName: account.displayName,
      ...(account.password ? { password: account.password } : {}),
    });
  }
  const now = Timestamp.now();
  const profile = await userRef(account).get();
  if (!profile.exists)
    await userRef(account).set(
      ZUserProfile.strict().parse({
        displayName: account.displayName,
        photoURL: null,
        timezone: account.timeZone,
        createdAt: now,
        updatedAt: now,
      }),
    );
  const settings = await syncSettingsRef(account).get();
  if (!settings.exists)
    await syncSettingsRef(account).set(
      ZSyncSettings.strict().parse({
        enabled: true,
        collections: { journal: true, mood: true, profile: true },
        updatedAt: now,
        updatedBy: firstDevice,
      }),
    );
}
