import { z } from 'zod';

// Parsed on read, so a document from an older aggregator fails loudly instead of drawing a wrong chart.
export const ROLLUP_VERSION = 1;

const count = z.number().int().nonnegative();
export const ZHistogram = z.record(z.string(), count);

export const ZCounts = z.object({
  attempts: count,
  ok: count,
  failures: count,
  /** Failed attempts that do not: a revoked device being refused is the system working. */
  excluded: count,
  reads: count,
  writes: count,
  deletes: count,
  pushed: count,
  pulled: count,
  conflicts: count,
  /** Conflicts merged automatically (sync_events.merged). Rollups written before it was counted read as 0. */
  merged: count.default(0),
  bytesUp: count,
  bytesDown: count,
});

export const ZGroupRollup = ZCounts.extend({
  users: count,
  devices: count,
  latency: ZHistogram,
  members: z.array(z.string()).optional(),
});

export const ZReleaseRollup = ZGroupRollup.extend({ platform: z.string(), version: z.string() });
export const ZErrorRollup = z.object({ count, users: count, members: z.array(z.string()).optional() });

export const ZDayRollup = ZGroupRollup.extend({
  byPlatform: z.record(z.string(), ZGroupRollup),
  byRelease: z.record(z.string(), ZReleaseRollup),
  byError: z.record(z.string(), ZErrorRollup),
});

export const ZSyncDaysDoc = z.object({
  version: z.literal(ROLLUP_VERSION),
  month: z.string(),
  days: z.record(z.string(), ZDayRollup),
  members: z.array(z.string()),
});

export const ZHourRollup = z.object({ attempts: count, ok: count, failures: count, excluded: count });
export const ZSyncHoursDoc = z.object({
  version: z.literal(ROLLUP_VERSION),
  day: z.string(),
  hours: z.record(z.string(), ZHourRollup),
});

export const ZUserDayUsage = z.object({
  syncs: count,
  ok: count,
  reads: count,
  writes: count,
  deletes: count,
  pushed: count,
  bytesUp: count,
  bytesDown: count,
});

export const ZStorageMeasurement = z.object({
  bytes: z.number().nonnegative(),
  measuredAtMs: z.number(),
  counts: z.record(z.string(), count),
  payloadBytes: z.number().nullable(),
});

export const ZUserMonthDoc = z.object({
  version: z.literal(ROLLUP_VERSION),
  pid: z.string(),
  month: z.string(),
  days: z.record(z.string(), ZUserDayUsage),
  storage: ZStorageMeasurement.nullable().optional(),
});

const ZPlatformAdoption = z.object({ users: count, enabled: count, journal: count, mood: count, profile: count });
export const ZFleetSnapshot = z.object({
  takenAtMs: z.number(),
  users: count,
  enabled: count,
  types: z.object({ journal: count, mood: count, profile: count }),
  byPlatform: z.record(z.string(), ZPlatformAdoption),
  /** `active30d` (synced in the last 30 days) is null in a replayed snapshot, where only today's lastSyncAt is known. */
  devices: z.object({
    total: count,
    active30d: count.nullable(),
    revoked: count,
    byPlatform: z.record(z.string(), z.object({ total: count, active30d: count.nullable() })),
  }),
  /** Null when the snapshot was replayed for a past day (the demo seed), where only still-open conflicts could be seen. */
  conflicts: z.object({ unresolved: count, stale: count, staleDays: count }).nullable(),
});

export const ZFleetDaysDoc = z.object({
  version: z.literal(ROLLUP_VERSION),
  month: z.string(),
  days: z.record(z.string(), ZFleetSnapshot),
  newDevices: z.record(z.string(), z.record(z.string(), count)),
});

const money = z.number().nonnegative();
export const ZCostUser = z.object({
  pid: z.string(),
  reads: z.number(),
  writes: z.number(),
  deletes: z.number(),
  storageBytes: z.number(),
  cost: money,
});
export const ZCostMonthDoc = z.object({
  version: z.literal(ROLLUP_VERSION),
  month: z.string(),
  computedAtMs: z.number(),
  complete: z.boolean(),
  elapsedDays: z.number(),
  daysInMonth: count,
  prices: z.object({
    readsPer100k: money,
    writesPer100k: money,
    deletesPer100k: money,
    storageGibMonth: money,
    freeTier: z.boolean(),
  }),
  syncingUsers: count,
  storageEstimatedUsers: count,
  /** Per syncing user, projected to the whole month; null with fewer than 5 syncing users. */
  quantiles: z.object({ p50: money, p95: money, p99: money, max: money, mean: money }).nullable(),
  overTarget: count,
  bins: z.array(z.object({ upTo: money, users: count })),
  top: z.array(ZCostUser),
  topPids: z.array(z.string()),
  totals: z.object({
    reads: z.number(),
    writes: z.number(),
    deletes: z.number(),
    storageBytes: z.number(),
    cost: money,
  }),
});

export const ZRunSummary = z.object({
  runId: z.string(),
  startedAtMs: z.number(),
  finishedAtMs: z.number(),
  mode: z.enum(['full', 'incremental']),
  daysChecked: count,
  daysRecomputed: count,
  eventsRead: count,
  skippedEvents: count,
  usersMeasured: count,
  monthsPriced: count,
  fleetSnapshot: z.boolean(),
  writes: count,
  reads: count,
});

export const ZRollupState = z.object({
  version: z.literal(ROLLUP_VERSION),
  /** Events per UTC day when that day was last rolled up: the fingerprint that shows a day changed. */
  dayCounts: z.record(z.string(), count),
  lastRun: ZRunSummary.nullable(),
  fleetSnapshotAtMs: z.number().nullable(),
  storageMeasuredAtMs: z.number().nullable(),
  lease: z.object({ runId: z.string(), untilMs: z.number() }).nullable(),
});

export type Histogram = z.infer<typeof ZHistogram>;
export type Counts = z.infer<typeof ZCounts>;
export type GroupRollup = z.infer<typeof ZGroupRollup>;
export type ReleaseRollup = z.infer<typeof ZReleaseRollup>;
export type ErrorRollup = z.infer<typeof ZErrorRollup>;
export type DayRollup = z.infer<typeof ZDayRollup>;
export type SyncDaysDoc = z.infer<typeof ZSyncDaysDoc>;
export type HourRollup = z.infer<typeof ZHourRollup>;
export type SyncHoursDoc = z.infer<typeof ZSyncHoursDoc>;
export type UserDayUsage = z.infer<typeof ZUserDayUsage>;
export type StorageMeasurement = z.infer<typeof ZStorageMeasurement>;
export type UserMonthDoc = z.infer<typeof ZUserMonthDoc>;
export type FleetSnapshot = z.infer<typeof ZFleetSnapshot>;
export type FleetDaysDoc = z.infer<typeof ZFleetDaysDoc>;
export type CostMonthDoc = z.infer<typeof ZCostMonthDoc>;
export type CostUser = z.infer<typeof ZCostUser>;
export type RunSummary = z.infer<typeof ZRunSummary>;
export type RollupState = z.infer<typeof ZRollupState>;
