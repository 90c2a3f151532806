import { v7 as uuidv7 } from 'uuid';
import type { Platform } from '@/lib/contract/schemas';
import { ACTIVITIES, EMOTIONS_BY_SCORE, journalContent, THEME_NAMES } from '@/lib/seed/content';
import { createRandom, deriveSeed, type Random } from '@/lib/seed/random';
import { SyncClient, type LocalStore, type SyncReport } from '@/lib/sync/sync-client';
import type { DeviceIdentity, SyncCloud } from '@/lib/sync/types';
import { addDays, dayKeyOf, isoWeekday, startOfDay } from '@/lib/time/zoned';
import { doubleEditChange, pickDoubleEdit, type DoubleEdit } from './double-edits';
import { networkProfile, withNetwork, type DeviceNetwork } from './network-model';

/** Older releases push the old way and leave conflicts without a base. */
export const MERGING_SINCE = '3.1.0';

export function canMergeRelease(appVersion: string): boolean {
  const [a, b] = [appVersion, MERGING_SINCE].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if ((a![i] ?? 0) !== (b![i] ?? 0)) return (a![i] ?? 0) > (b![i] ?? 0);
  return true;
}

/** docs/sync.md, "The device simulator". */
export type SimulatedDevice = DeviceIdentity & { skewMs: number };

export type PinnedEntry = { daysAgo: number; title: string; body: string; tags: string[] };

export type UserSimulation = {
  uid: string;
  timeZone: string;
  devices: SimulatedDevice[];
  /** The instant the simulation ends: the last day is the user's local today, played only up to this instant. */
  nowMs: number;
  days: number;
  seed: number;
  failureRate: number;
  offlineRate: number;
  journalRate: number;
  moodsPerDay: 1 | 2;
  /**
   * Sync attempts per device per day in the last `busyDays` days. Before that a device syncs once every
   * `quietSyncEveryDays` days (a long history plays quickly, and old telemetry is what a TTL would have kept anyway).
   */
  syncsPerDay: number;
  busyDays: number;
  quietSyncEveryDays?: number;
  pinned?: PinnedEntry[];
  /** Days (counted back from today) on which two phones are sure to edit the same entry before syncing. */
  doubleEditsDaysAgo?: number[];
  connect: (device: SimulatedDevice) => { cloud: SyncCloud; store: LocalStore };
  onAttempt?: (device: SimulatedDevice, report: SyncReport) => void;
  onDay?: () => void;
  onRevoked?: (device: SimulatedDevice) => void;
};

export type UserSimulationResult = {
  attempts: number;
  ok: number;
  conflicts: number;
  merged: number;
  edits: number;
  journalEntries: number;
  moodEntries: number;
  revokedDevices: string[];
};

type Event = {
  at: number;
  device: number;
  kind: 'journal' | 'mood' | 'edit-other' | 'double-edit' | 'delete' | 'sync';
  double?: DoubleEdit;
};

export async function simulateUser(sim: UserSimulation): Promise<UserSimulationResult> {
  const random = createRandom(deriveSeed(sim.seed, sim.uid));
  // Kinds of double edit come from their own stream, so adding them left every other draw (the seed) as it was.
  const kinds = createRandom(deriveSeed(sim.seed, `${sim.uid}/double-edits`));
  const result: UserSimulationResult = {
    attempts: 0,
    ok: 0,
    conflicts: 0,
    merged: 0,
    edits: 0,
    journalEntries: 0,
    moodEntries: 0,
    revokedDevices: [],
  };
  let simTime = 0;
  const networks: DeviceNetwork[] = sim.devices.map(() => ({ offline: false, clock: { elapsedMs: 0 } }));
  const clients = await Promise.all(
    sim.devices.map((device, i) => {
      const { cloud, store } = sim.connect(device);
      const net = withNetwork(
        cloud,
        networkProfile(device.platform, device.appVersion, sim.failureRate),
        networks[i]!,
        createRandom(deriveSeed(sim.seed, `${sim.uid}/${device.id}/net`)),
      );
      return SyncClient.open({
        device,
        cloud: net,
        store,
        now: () => simTime + device.skewMs + networks[i]!.clock.elapsedMs,
        canMerge: canMergeRelease(device.appVersion),
      });
    }),
  );
  const stopped = new Set<number>();
  // The entry the first half of a double edit changed, for the second half to change too.
  const shared: { doubleEditId: string | null } = { doubleEditId: null };
  const end = sim.nowMs;
  const today = dayKeyOf(end, sim.timeZone);
  const pinnedByDay = new Map((sim.pinned ?? []).map((pin) => [addDays(today, -pin.daysAgo), pin]));
  const first = addDays(today, -(sim.days - 1));

  for (let offset = 0; offset < sim.days; offset++) {
    const day = addDays(first, offset);
    const midnight = startOfDay(day, sim.timeZone);
    const at = (minutes: number) => midnight + minutes * 60_000;
    const busy = offset >= sim.days - sim.busyDays;
    const home = sim.devices.length > 1 && isoWeekday(day) >= 5 ? 1 : 0;
    const events: Event[] = [];
    const pin = pinnedByDay.get(day);
    if (pin || random.chance(sim.journalRate))
      events.push({ at: at(random.int(18 * 60, 23 * 60 + 30)), device: home, kind: 'journal' });
    for (let n = 0; n < sim.moodsPerDay; n++)
      events.push({
        at: at(n === 0 && sim.moodsPerDay === 2 ? random.int(7 * 60, 10 * 60) : random.int(19 * 60, 24 * 60 + 30)),
        device: home,
        kind: 'mood',
      });
    if (sim.devices.length > 1 && random.chance(0.06))
      events.push({
        at: at(random.int(8 * 60, 22 * 60)),
        device: random.int(0, sim.devices.length - 1),
        kind: 'edit-other',
      });
    // Now and then the same entry is changed on two phones before either syncs: a real conflict.
    const scripted = sim.doubleEditsDaysAgo?.indexOf(sim.days - 1 - offset) ?? -1;
    if (sim.devices.length > 1 && (random.chance(0.03) || scripted >= 0)) {
      const minute = random.int(8 * 60, 22 * 60);
      // Scripted ones (the demo) alternate: one the user must settle, then one merged automatically to undo.
      const double: DoubleEdit =
        scripted < 0 ? pickDoubleEdit(kinds) : scripted % 2 === 0 ? 'same-line' : 'typo-and-append';
      events.push(
        { at: at(minute), device: 0, kind: 'double-edit', double },
        { at: at(minute + 2), device: 1, kind: 'double-edit', double },
      );
    }
    if (random.chance(0.01)) events.push({ at: at(random.int(8 * 60, 22 * 60)), device: home, kind: 'delete' });
    sim.devices.forEach((_, device) => {
      const quietDay = (offset + device) % (sim.quietSyncEveryDays ?? 1) === 0;
      const syncs = busy ? random.int(Math.max(1, sim.syncsPerDay - 1), sim.syncsPerDay + 1) : quietDay ? 1 : 0;
      for (let n = 0; n < syncs; n++) events.push({ at: at(random.int(7 * 60, 23 * 60 + 50)), device, kind: 'sync' });
    });
    // Offline spells: some days a device has no network until late evening.
    networks.forEach((net) => (net.offline = random.chance(sim.offlineRate)));
    events.sort((a, b) => a.at - b.at);

    // Everything is drawn for the whole day, so the randomness is the same at any hour; what is still ahead has not happened.
    for (const event of events.filter((e) => e.at <= end)) {
      if (stopped.has(event.device)) continue;
      simTime = event.at;
      const net = networks[event.device]!;
      net.clock.elapsedMs = 0;
      if (net.offline && simTime > midnight + 21 * 3_600_000) net.offline = false;
      const client = clients[event.device]!;
      // A phone that knows it has no connection mostly does not try; now and then a flaky one does.
      if (event.kind === 'sync' && net.offline && random.chance(0.8)) continue;
      if (event.kind === 'sync') {
        const report = await client.sync();
        if (report.status === 'disabled') continue;
        result.attempts += 1;
        if (report.status === 'ok') result.ok += 1;
        result.conflicts += report.conflicts;
        result.merged += report.merged ?? 0;
        sim.onAttempt?.(sim.devices[event.device]!, report);
        if (report.revoked) {
          stopped.add(event.device);
          result.revokedDevices.push(sim.devices[event.device]!.id);
          sim.onRevoked?.(sim.devices[event.device]!);
        }
        continue;
      }
      const made = await makeEdit(client, event, random, pin, sim.devices[event.device]!.platform, shared);
      result.edits += made;
      if (event.kind === 'journal') result.journalEntries += made;
      if (event.kind === 'mood') result.moodEntries += made;
    }
    sim.onDay?.();
  }
  // A last sync per device so the cloud holds the end of the story (the demo should not start mid-outbox).
  simTime = end;
  for (const [i, client] of clients.entries()) {
    if (stopped.has(i)) continue;
    networks[i]!.offline = false;
    networks[i]!.clock.elapsedMs = 0;
    const report = await client.sync();
    result.attempts += 1;
    if (report.status === 'ok') result.ok += 1;
    sim.onAttempt?.(sim.devices[i]!, report);
  }
  return result;
}

async function makeEdit(
  client: SyncClient,
  event: Event,
  random: Random,
  pin: PinnedEntry | undefined,
  platform: Platform,
  shared: { doubleEditId: string | null },
): Promise<number> {
  const now = client.now();
  if (event.kind === 'journal') {
    const score = random.int(1, 5);
    const content = pin
      ? { title: pin.title, body: pin.body, tags: pin.tags }
      : journalContent(
          random,
          score <= 2 ? random.pick(['anxiety', 'work', 'sleep'] as const) : random.pick(THEME_NAMES),
        );
    await client.edit('journal_entries', uuidv7({ msecs: now, random: bytes(random) }), {
      ...content,
      mood: random.chance(0.6) ? score : null,
      createdAt: client.timestamp(now),
    });
    return 1;
  }
  if (event.kind === 'mood') {
    const activities = ACTIVITIES.filter((a) => random.chance(a.probability));
    const lift = activities.reduce((sum, a) => sum + a.effect, 0);
    const score = Math.min(5, Math.max(1, Math.round(3.2 + lift + random.normal(0, 0.7))));
    await client.edit('mood_entries', uuidv7({ msecs: now, random: bytes(random) }), {
      score,
      emotions: random.sample(EMOTIONS_BY_SCORE[score]!, random.int(1, 3)),
      activities: activities.map((a) => a.name),
      note: random.chance(0.15)
        ? random.pick(['Long day.', 'Feeling lighter after the walk.', 'Could not focus.', `Typed on ${platform}.`])
        : null,
      recordedAt: client.timestamp(now),
    });
    return 1;
  }
  // Edit or delete a recent entry this device already has (possibly written on another phone). The second half
  // of a double edit changes the entry the first half changed, if this device has it.
  const candidates = client
    .list('journal_entries')
    .filter(({ version }) => version.deletedAt == null)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .slice(-10);
  if (candidates.length === 0) return 0;
  let target = random.pick(candidates);
  if (event.kind === 'double-edit') {
    const first = shared.doubleEditId;
    shared.doubleEditId = first ? null : candidates.at(-1)!.id;
    const found = first ? candidates.find((c) => c.id === first) : candidates.at(-1);
    if (!found) return 0;
    target = found;
  }
  const { id, version } = target;
  if (event.kind === 'delete') await client.remove('journal_entries', id);
  else if (event.kind === 'double-edit' && event.double) {
    await client.edit(
      'journal_entries',
      id,
      doubleEditChange(event.double, event.device === 0 ? 0 : 1, version, random),
    );
  } else
    await client.edit('journal_entries', id, {
      body: `${String(version.body)}\n\n*Later:* ${random.pick(['It worked out.', 'Talked to someone about it.', 'Not as bad as it felt.'])}`,
    });
  return 1;
}

function bytes(random: Random): Uint8Array {
  return Uint8Array.from({ length: 16 }, () => random.int(0, 255));
}
