import { addToHistogram } from './latency-histogram';
import { membersToKeep } from './k-anonymity';
import type { SyncEventRecord } from '@/lib/contract/schemas';
import type {
  Counts,
  DayRollup,
  ErrorRollup,
  GroupRollup,
  HourRollup,
  ReleaseRollup,
  UserDayUsage,
} from './rollup-types';

/** Pure, so the aggregator and the tests share it. */
export type RollupEvent = Omit<SyncEventRecord, 'platform'> & {
  pid: string;
  platform: string;
};

/** A revoked device that keeps trying is refused by design; it does not count against the SLO. */
export const EXCLUDED_ERROR_CODES = new Set(['device-revoked']);

export function isSloFailure(event: Pick<RollupEvent, 'status' | 'errorCode'>): boolean {
  return event.status === 'error' && !EXCLUDED_ERROR_CODES.has(event.errorCode ?? '');
}

export function releaseKey(platform: string, version: string): string {
  return `${platform} ${version}`;
}

export const emptyCounts = (): Counts => ({
  attempts: 0,
  ok: 0,
  failures: 0,
  excluded: 0,
  reads: 0,
  writes: 0,
  deletes: 0,
  pushed: 0,
  pulled: 0,
  conflicts: 0,
  merged: 0,
  bytesUp: 0,
  bytesDown: 0,
});

export function addCounts(target: Counts, source: Counts): void {
  for (const key of Object.keys(target) as (keyof Counts)[]) target[key] += source[key];
}

function countOutcome(target: Pick<Counts, 'attempts' | 'ok' | 'failures' | 'excluded'>, event: RollupEvent): void {
  target.attempts += 1;
  if (event.status === 'ok') target.ok += 1;
  else if (isSloFailure(event)) target.failures += 1;
  else target.excluded += 1;
}

function countEvent(target: Counts, event: RollupEvent): void {
  countOutcome(target, event);
  for (const key of ['reads', 'writes', 'deletes', 'pushed', 'pulled', 'conflicts', 'bytesUp', 'bytesDown'] as const)
    target[key] += event[key];
  // Absent from an older release, which cannot merge (the contract: absent means 0).
  target.merged += event.merged ?? 0;
}

class GroupAccumulator {
  readonly counts = emptyCounts();
  readonly latency: Record<string, number> = {};
  readonly users = new Set<string>();
  readonly devices = new Set<string>();

  add(event: RollupEvent) {
    countEvent(this.counts, event);
    if (event.status === 'ok') addToHistogram(this.latency, event.durationMs);
    this.users.add(event.pid);
    this.devices.add(`${event.pid}/${event.deviceId}`);
  }

  finish(): GroupRollup {
    const members = membersToKeep(this.users);
    return {
      ...this.counts,
      users: this.users.size,
      devices: this.devices.size,
      latency: this.latency,
      ...(members ? { members } : {}),
    };
  }
}

function accumulatorIn<K extends string>(map: Map<K, GroupAccumulator>, key: K): GroupAccumulator {
  let accumulator = map.get(key);
  if (!accumulator) map.set(key, (accumulator = new GroupAccumulator()));
  return accumulator;
}

export type DayAggregate = { day: DayRollup; hours: Record<string, HourRollup>; users: Record<string, UserDayUsage> };

export function aggregateDay(events: readonly RollupEvent[]): DayAggregate {
  const all = new GroupAccumulator();
  const platforms = new Map<string, GroupAccumulator>();
  const releases = new Map<string, GroupAccumulator>();
  const errors = new Map<string, { count: number; users: Set<string> }>();
  const hours: Record<string, HourRollup> = {};
  const userCounts: Record<string, Counts> = {};

  for (const event of events) {
    all.add(event);
    accumulatorIn(platforms, event.platform).add(event);
    accumulatorIn(releases, releaseKey(event.platform, event.appVersion)).add(event);
    if (event.status === 'error') {
      const code = event.errorCode ?? 'unknown';
      const entry = errors.get(code) ?? { count: 0, users: new Set<string>() };
      entry.count += 1;
      entry.users.add(event.pid);
      errors.set(code, entry);
    }
    const hour = String(new Date(event.startedAtMs).getUTCHours()).padStart(2, '0');
    countOutcome((hours[hour] ??= { attempts: 0, ok: 0, failures: 0, excluded: 0 }), event);
    countEvent((userCounts[event.pid] ??= emptyCounts()), event);
  }

  const byRelease: Record<string, ReleaseRollup> = {};
  for (const [key, accumulator] of releases) {
    const [platform = '', version = ''] = key.split(' ');
    byRelease[key] = { ...accumulator.finish(), platform, version };
  }
  const byError: Record<string, ErrorRollup> = {};
  for (const [code, entry] of errors) {
    const members = membersToKeep(entry.users);
    byError[code] = { count: entry.count, users: entry.users.size, ...(members ? { members } : {}) };
  }
  const day: DayRollup = {
    ...all.finish(),
    byPlatform: Object.fromEntries([...platforms].map(([key, accumulator]) => [key, accumulator.finish()])),
    byRelease,
    byError,
  };
  const users = Object.fromEntries(
    Object.entries(userCounts).map(([pid, c]): [string, UserDayUsage] => [
      pid,
      {
        syncs: c.attempts,
        ok: c.ok,
        reads: c.reads,
        writes: c.writes,
        deletes: c.deletes,
        pushed: c.pushed,
        bytesUp: c.bytesUp,
        bytesDown: c.bytesDown,
      },
    ]),
  );
  return { day, hours, users };
}

export function membersOfDay(day: DayRollup): string[] {
  const ids = new Set<string>(day.members ?? []);
  for (const group of [
    ...Object.values(day.byPlatform),
    ...Object.values(day.byRelease),
    ...Object.values(day.byError),
  ])
    for (const id of group.members ?? []) ids.add(id);
  return [...ids].sort();
}
