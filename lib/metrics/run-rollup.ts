import 'server-only';
import { randomUUID } from 'node:crypto';
import type { BulkWriter } from 'firebase-admin/firestore';
import pLimit from 'p-limit';
import { z } from 'zod';
import { getEnv } from '@/lib/config/env';
import { adminDb } from '@/lib/firebase/admin';
import { withReadMeter } from '@/lib/firebase/metered';
import { withDeadline } from '@/lib/firebase/with-deadline';
import { measureUsersStorage } from './measure-user-storage';
import { rollupStateRef } from './metrics-refs';
import { storageTurn } from './storage-turn';
import { priceMonth } from './price-month';
import { pseudonymKey, pseudonymWithKey } from './pseudonymous-id';
import { countDayEvents, oldestEventDay } from './read-day-events';
import { rollUpDays } from './roll-up-days';
import { withLease } from './rollup-lease';
import { readRollupState } from './rollup-state';
import { ROLLUP_VERSION, type RollupState, type RunSummary } from './rollup-types';
import { takeFleetSnapshot } from './take-fleet-snapshot';
import { addDays, eachDay, monthOf, utcDay, type DayKey } from './utc-days';

export const ZRunRollupRequest = z.object({
  full: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

/** Days re-checked for late events on an incremental run; older late arrivals wait for a `--full` rebuild. */
export const DEFAULT_HORIZON_DAYS = 14;
export const RETENTION_DAYS = 400;
/** Fleet snapshots and storage measurements are taken at most this often (they cost reads per user). */
export const SNAPSHOT_EVERY_MS = 6 * 3_600_000;

export type RollupOptions = {
  nowMs?: number;
  full?: boolean;
  horizonDays?: number;
  forceSnapshot?: boolean;
  onProgress?: (phase: string, done: number, total: number) => void;
};

/** docs/admin-analytics.md, "The aggregator". Idempotent: run again over the same events and nothing is written. */
export async function runRollup(options: RollupOptions = {}): Promise<RunSummary> {
  const runId = randomUUID();
  return withLease(runId, async () => {
    const startedAtMs = Date.now();
    const { result, reads } = await withReadMeter(() => rollUp(options));
    const summary: RunSummary = { ...result.summary, runId, startedAtMs, finishedAtMs: Date.now(), reads };
    // mergeFields replaces each listed field whole, so days dropped from dayCounts are dropped in Firestore too.
    const state = { version: ROLLUP_VERSION, ...result.state, lastRun: summary };
    await rollupStateRef().set(state, { mergeFields: Object.keys(state) });
    return summary;
  });
}

type Outcome = {
  summary: Omit<RunSummary, 'runId' | 'startedAtMs' | 'finishedAtMs' | 'reads'>;
  state: Partial<RollupState>;
};

async function rollUp(options: RollupOptions): Promise<Outcome> {
  const nowMs = options.nowMs ?? Date.now();
  const progress = options.onProgress ?? (() => {});
  const state = await readRollupState();
  const today = utcDay(nowMs);
  const full = options.full === true || state.lastRun === null;

  let checked: DayKey[];
  let dirty: DayKey[];
  if (full) {
    const oldest = await oldestEventDay();
    const floor = addDays(today, -RETENTION_DAYS);
    const from = oldest && oldest > floor ? oldest : floor;
    checked = oldest ? eachDay(from < today ? from : today, addDays(today, 1)) : [];
    // Days rolled up before but without events now (erased users) must be emptied too.
    dirty = [...new Set([...checked, ...Object.keys(state.dayCounts).filter((day) => day >= floor)])].sort();
  } else {
    checked = eachDay(addDays(today, -(options.horizonDays ?? DEFAULT_HORIZON_DAYS)), addDays(today, 1));
    let done = 0;
    const counts = await pLimit(4).map(checked, async (day) => {
      const n = await countDayEvents(day);
      progress('Checking days for new events', ++done, checked.length);
      return n;
    });
    dirty = checked.filter((day, i) => counts[i] !== (state.dayCounts[day] ?? 0));
  }

  const key = await pseudonymKey();
  const pids = new Map<string, string>();
  const pid = (uid: string) => pids.get(uid) ?? pids.set(uid, pseudonymWithKey(key, uid)).get(uid)!;
  const writer = countingWriter(adminDb().bulkWriter({ throttling: getEnv().mode !== 'emulator' }));
  let daysDone = 0;
  const days = await rollUpDays(dirty, {
    writer,
    pid,
    recentDays: new Set([today, addDays(today, -1), addDays(today, 1)]),
    stream: full,
    onDay: () => progress('Rolling up days', ++daysDone, dirty.length),
  });

  const snapshotDue =
    options.forceSnapshot === true ||
    state.storageMeasuredAtMs === null ||
    nowMs - state.storageMeasuredAtMs >= SNAPSHOT_EVERY_MS;
  let usersMeasured = 0;
  if (snapshotDue && days.recentUsers.size > 0) {
    const turn = storageTurn(days.recentUsers, Math.floor(nowMs / SNAPSHOT_EVERY_MS));
    progress('Measuring storage', 0, turn.size);
    usersMeasured = await measureUsersStorage(turn, monthOf(today), nowMs, writer);
    days.changedMonths.add(monthOf(today));
  }
  // BulkWriter would retry against an unreachable database for minutes: fail the run clearly instead.
  await withDeadline(writer.close(), 'saving the rollups', 120_000);

  const months = [...days.changedMonths].sort();
  let priced = 0;
  let monthWrites = 0;
  for (const month of months) {
    if (await priceMonth(month, nowMs, getEnv().prices)) monthWrites += 1;
    progress('Pricing months', ++priced, months.length);
  }

  const fleetDue =
    options.forceSnapshot === true ||
    state.fleetSnapshotAtMs === null ||
    nowMs - state.fleetSnapshotAtMs >= SNAPSHOT_EVERY_MS;
  if (fleetDue) {
    progress('Taking the fleet snapshot', 0, 1);
    monthWrites += (await takeFleetSnapshot({ nowMs })).writes;
    progress('Taking the fleet snapshot', 1, 1);
  }

  const floor = addDays(today, -RETENTION_DAYS);
  const dayCounts = Object.fromEntries(
    Object.entries({ ...state.dayCounts, ...days.dayCounts }).filter(([day, count]) => day >= floor && count > 0),
  );
  return {
    summary: {
      mode: full ? 'full' : 'incremental',
      daysChecked: checked.length,
      daysRecomputed: dirty.length,
      eventsRead: days.eventsRead,
      skippedEvents: days.skippedEvents,
      usersMeasured,
      monthsPriced: months.length,
      fleetSnapshot: fleetDue,
      writes: writer.writes + monthWrites,
    },
    state: {
      dayCounts,
      ...(fleetDue ? { fleetSnapshotAtMs: nowMs } : {}),
      ...(snapshotDue && usersMeasured > 0 ? { storageMeasuredAtMs: nowMs } : {}),
    },
  };
}

/** A BulkWriter that counts the documents it is asked to write, so a run can prove it wrote nothing. */
function countingWriter(writer: BulkWriter): BulkWriter & { writes: number } {
  const counted = Object.assign(writer, { writes: 0 });
  const set = writer.set.bind(writer) as (...args: unknown[]) => ReturnType<BulkWriter['set']>;
  const remove = writer.delete.bind(writer);
  counted.set = ((...args: unknown[]) => {
    counted.writes += 1;
    return set(...args);
  }) as BulkWriter['set'];
  counted.delete = ((...args: Parameters<BulkWriter['delete']>) => {
    counted.writes += 1;
    return remove(...args);
  }) as BulkWriter['delete'];
  return counted;
}
