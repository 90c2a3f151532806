import { APP_VERSION } from '@/lib/config/app-version';
import type { Platform } from '@/lib/contract/schemas';
import { addDays, dayKeyOf, startOfDay } from '@/lib/time/zoned';
import type { DemoAccount } from './demo-accounts';
import { generateHistory, type PlannedDevice, type UserHistory } from './generate-history';
import { generateTelemetry, type PlannedSyncEvent } from './generate-telemetry';
import { createRandom, deriveSeed, type Random } from './random';

/** docs/admin-analytics.md, "Demo fleet". Pure: seed-fleet.ts writes it. */
export type FleetSettings = { enabled: boolean; journal: boolean; mood: boolean; profile: boolean };
export type FleetDevice = PlannedDevice & { revokedAtMs: number | null };
export type FleetConflict = {
  id: string;
  entryId: string;
  rev: string;
  deviceId: string;
  data: Record<string, unknown>;
  detectedAtMs: number;
  resolvedAtMs: number | null;
  resolution: 'kept-winner' | 'restored' | 'merged' | null;
};
export type FleetUser = {
  history: UserHistory;
  signupMs: number;
  devices: FleetDevice[];
  settings: { atMs: number; value: FleetSettings }[];
  telemetry: PlannedSyncEvent[];
  conflicts: FleetConflict[];
};

export type FleetOptions = { nowMs: number; seed: number; users: number; telemetryDays: number };

const TIME_ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Tokyo',
  'Europe/London',
  'America/Los_Angeles',
  'Australia/Sydney',
  'UTC',
];
const VERSIONS: Record<Platform, [string, number][]> = {
  ios: [
    ['3.2.1', 0.6],
    ['3.2.0', 0.25],
    ['3.0.9', 0.15],
  ],
  android: [
    ['3.2.1', 0.45],
    ['3.1.0', 0.35],
    ['3.0.4', 0.2],
  ],
  web: [[APP_VERSION, 1]],
};
const MODELS: Record<Platform, string[]> = {
  ios: ['iPhone 15', 'iPhone 14', 'iPhone 16 Pro', 'iPad Air'],
  android: ['Pixel 8', 'Galaxy S24', 'Galaxy A54', 'OnePlus 12'],
  web: ['Chrome on macOS', 'Firefox on Windows'],
};
const DAY = 86_400_000;

function weighted<T>(random: Random, choices: [T, number][]): T {
  let roll = random.next();
  for (const [value, weight] of choices) if ((roll -= weight) < 0) return value;
  return choices.at(-1)![0];
}

function hex(random: Random, length: number): string {
  return Array.from({ length }, () => random.int(0, 15).toString(16)).join('');
}

export function fleetAccount(index: number): DemoAccount {
  const uid = `fleet-${String(index + 1).padStart(3, '0')}`;
  return {
    uid,
    email: `${uid}@fleet.wellsync.test`,
    password: '',
    displayName: `Fleet user ${index + 1}`,
    timezone: TIME_ZONES[index % TIME_ZONES.length]!,
    role: 'user',
    description: 'Synthetic fleet member',
  };
}

export function planFleet(options: FleetOptions): FleetUser[] {
  return Array.from({ length: options.users }, (_, index) => planUser(fleetAccount(index), options));
}

function planUser(account: DemoAccount, options: FleetOptions): FleetUser {
  const random = createRandom(deriveSeed(options.seed, `fleet:${account.uid}`));
  const tz = account.timezone;
  const endMs = options.nowMs;
  const windowStart = startOfDay(addDays(dayKeyOf(endMs, tz), -(options.telemetryDays - 1)), tz);
  // Four in ten joined before the telemetry window; the rest joined during it.
  const signupMs = random.chance(0.4)
    ? windowStart - random.int(10, 300) * DAY
    : windowStart + random.int(0, options.telemetryDays - 5) * DAY + random.int(8, 20) * 3_600_000;

  const primary = weighted<Platform>(random, [
    ['ios', 0.45],
    ['android', 0.42],
    ['web', 0.13],
  ]);
  const platforms: Platform[] = [primary];
  if (random.chance(0.35))
    platforms.push(primary === 'web' ? 'ios' : random.chance(0.6) ? 'web' : primary === 'ios' ? 'android' : 'ios');
  const devices: FleetDevice[] = platforms.map((platform, n) => {
    const createdAtMs = n === 0 ? signupMs : Math.min(signupMs + random.int(1, 40) * DAY, endMs - DAY);
    const revoked = n > 0 && random.chance(0.15);
    return {
      id: platform === 'web' ? `web-${hex(random, 20)}` : `${platform}-${hex(random, 6)}`,
      name: `${platform === 'web' ? 'Browser' : platform === 'ios' ? 'iPhone' : 'Android phone'} ${n + 1}`,
      platform,
      model: random.pick(MODELS[platform]),
      appVersion: weighted(random, VERSIONS[platform]),
      createdAtMs,
      revokedAtMs: revoked ? Math.min(createdAtMs + random.int(5, 60) * DAY, endMs - 2 * DAY) : null,
    };
  });

  // Settings over time: most turn sync on at sign-up; some turn it (or one type) off later, a few turn it on late.
  const startsOn = random.chance(0.82);
  const first: FleetSettings = {
    enabled: startsOn,
    journal: !random.chance(0.1),
    mood: !random.chance(0.12),
    profile: !random.chance(0.06),
  };
  const settings = [{ atMs: signupMs, value: first }];
  const changeAt = () =>
    Math.min(
      endMs - DAY,
      Math.max(signupMs, windowStart) + random.int(3, Math.max(4, options.telemetryDays - 3)) * DAY,
    );
  if (startsOn && random.chance(0.12)) settings.push({ atMs: changeAt(), value: { ...first, enabled: false } });
  else if (startsOn && random.chance(0.1)) settings.push({ atMs: changeAt(), value: { ...first, mood: false } });
  else if (!startsOn && random.chance(0.3)) settings.push({ atMs: changeAt(), value: { ...first, enabled: true } });
  const syncOnAt = (ms: number) => [...settings].reverse().find((s) => s.atMs <= ms)?.value.enabled ?? false;

  const historyDays = Math.max(1, Math.min(30, Math.ceil((endMs - signupMs) / DAY)));
  const history = generateHistory(account, {
    nowMs: options.nowMs,
    days: historyDays,
    seed: options.seed,
    devices: devices.map(({ revokedAtMs: _r, createdAtMs: _c, ...d }) => d),
    journalRate: 0.3,
    moodsPerDay: 1,
  });
  history.createdAtMs = signupMs;
  history.devices = [];

  const edits = new Map<string, number>();
  for (const doc of [...history.journal, ...history.moods]) {
    const key = `${doc.deviceId}|${dayKeyOf(doc.updatedAtMs, tz)}`;
    edits.set(key, (edits.get(key) ?? 0) + 1);
  }
  const raw = generateTelemetry(account.uid, devices, {
    nowMs: options.nowMs,
    days: options.telemetryDays,
    timeZone: tz,
    seed: options.seed,
    editsOn: (deviceId, day) => edits.get(`${deviceId}|${day}`) ?? 0,
  });
  // Each device syncs on a little over half of the days it exists, only while sync is on and it is not revoked.
  const activeDay = new Map<string, boolean>();
  const telemetry = raw.filter((event) => {
    const device = devices.find((d) => d.id === event.deviceId)!;
    const key = `${event.deviceId}|${dayKeyOf(event.startedAtMs, tz)}`;
    if (!activeDay.has(key)) activeDay.set(key, random.chance(0.55));
    return (
      event.startedAtMs >= device.createdAtMs &&
      (device.revokedAtMs === null || event.startedAtMs < device.revokedAtMs) &&
      syncOnAt(event.startedAtMs) &&
      activeDay.get(key)
    );
  });
  // A revoked device keeps trying for a day or two and is refused (excluded from the SLO: it is the system working).
  for (const device of devices) {
    if (device.revokedAtMs === null) continue;
    for (let n = 0; n < random.int(1, 4); n++) {
      const startedAtMs = Math.min(device.revokedAtMs + random.int(1, 36) * 3_600_000, endMs);
      telemetry.push({
        id: `${hex(random, 8)}-rev-${n}-${device.id}`,
        deviceId: device.id,
        platform: device.platform,
        appVersion: device.appVersion,
        startedAtMs,
        durationMs: random.int(80, 300),
        status: 'error',
        errorCode: 'device-revoked',
        pushed: 0,
        pulled: 0,
        conflicts: 0,
        reads: 1,
        writes: 1,
        deletes: 0,
        bytesUp: 0,
        bytesDown: 0,
      });
    }
  }

  const conflicts: FleetConflict[] = [];
  const candidates = history.journal.filter((entry) => entry.deletedAtMs === null);
  if (candidates.length > 0 && random.chance(0.18)) {
    for (let n = 0; n < random.int(1, 3); n++) {
      const entry = random.pick(candidates);
      const detectedAtMs = Math.min(entry.updatedAtMs + random.int(1, 48) * 3_600_000, endMs);
      const resolved = random.chance(0.6);
      const loser = devices[(devices.findIndex((d) => d.id === entry.deviceId) + 1) % devices.length]!;
      const rev = `${String(entry.updatedAtMs - 1000).padStart(13, '0')}:0000:${loser.id}`;
      conflicts.push({
        id: `c-${hex(random, 16)}`,
        entryId: entry.id,
        rev,
        deviceId: loser.id,
        data: {
          title: entry.title,
          body: `${entry.body}\n\n(edited offline)`,
          tags: entry.tags,
          mood: entry.mood,
          rev,
          baseRev: entry.baseRev,
          deviceId: loser.id,
        },
        detectedAtMs,
        resolvedAtMs: resolved ? Math.min(detectedAtMs + random.int(1, 5) * DAY, endMs) : null,
        resolution: resolved ? random.pick(['kept-winner', 'restored', 'merged'] as const) : null,
      });
      // The sync that found the conflict reported it.
      const reporter = telemetry.find(
        (event) => event.status === 'ok' && Math.abs(event.startedAtMs - detectedAtMs) < DAY,
      );
      if (reporter) reporter.conflicts += 1;
    }
  }
  return { history, signupMs, devices, settings, telemetry, conflicts };
}

export function settingsAt(user: FleetUser, ms: number): FleetSettings | null {
  return [...user.settings].reverse().find((s) => s.atMs <= ms)?.value ?? null;
}
