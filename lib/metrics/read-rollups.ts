import 'server-only';
import { adminDb } from '@/lib/firebase/admin';
import { readDocs } from '@/lib/firebase/metered';
import { costMonthRef, fleetDaysRef, rollupStateRef, syncDaysRef, syncHoursRef } from './metrics-refs';
import { EMPTY_STATE } from './rollup-state';
import {
  ZCostMonthDoc,
  ZFleetDaysDoc,
  ZRollupState,
  ZSyncDaysDoc,
  ZSyncHoursDoc,
  type CostMonthDoc,
  type DayRollup,
  type FleetDaysDoc,
  type HourRollup,
  type RollupState,
} from './rollup-types';

/** Admin pages read only these: their number depends on the date range, never on the fleet's size. */
export type RollupRequest = {
  syncMonths?: string[];
  fleetMonths?: string[];
  costMonths?: string[];
  hourDays?: string[];
};

export type Rollups = {
  state: RollupState;
  syncDays: Map<string, DayRollup>;
  fleetMonths: Map<string, FleetDaysDoc>;
  costMonths: Map<string, CostMonthDoc>;
  hours: Map<string, HourRollup>;
};

export async function readRollups(request: RollupRequest): Promise<Rollups> {
  const syncMonths = [...new Set(request.syncMonths ?? [])];
  const fleetMonths = [...new Set(request.fleetMonths ?? [])];
  const costMonths = [...new Set(request.costMonths ?? [])];
  const hourDays = [...new Set(request.hourDays ?? [])];
  const refs = [
    rollupStateRef(),
    ...syncMonths.map(syncDaysRef),
    ...fleetMonths.map(fleetDaysRef),
    ...costMonths.map(costMonthRef),
    ...hourDays.map(syncHoursRef),
  ];
  const snapshots = await readDocs(adminDb(), refs);
  let i = 0;
  const next = () => snapshots[i++]?.data();
  const state = ZRollupState.safeParse({ ...EMPTY_STATE, ...next() });
  const result: Rollups = {
    state: state.success ? state.data : EMPTY_STATE,
    syncDays: new Map(),
    fleetMonths: new Map(),
    costMonths: new Map(),
    hours: new Map(),
  };
  for (const _ of syncMonths) {
    const doc = ZSyncDaysDoc.safeParse(next());
    if (doc.success) for (const [day, rollup] of Object.entries(doc.data.days)) result.syncDays.set(day, rollup);
  }
  for (const month of fleetMonths) {
    const doc = ZFleetDaysDoc.safeParse(next());
    if (doc.success) result.fleetMonths.set(month, doc.data);
  }
  for (const month of costMonths) {
    const doc = ZCostMonthDoc.safeParse(next());
    if (doc.success) result.costMonths.set(month, doc.data);
  }
  for (const day of hourDays) {
    const doc = ZSyncHoursDoc.safeParse(next());
    if (doc.success)
      for (const [hour, rollup] of Object.entries(doc.data.hours)) result.hours.set(`${day}T${hour}`, rollup);
  }
  return result;
}

export type Freshness = { lastRunAtMs: number | null; stale: boolean };
/** Rollups older than this are flagged on the pages (the scheduler runs hourly). */
export const STALE_AFTER_MS = 3 * 3_600_000;

export function freshnessOf(state: RollupState, nowMs: number): Freshness {
  const last = state.lastRun?.finishedAtMs ?? null;
  return { lastRunAtMs: last, stale: last === null || nowMs - last > STALE_AFTER_MS };
}
