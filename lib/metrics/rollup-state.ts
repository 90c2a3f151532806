import 'server-only';
import { readDoc } from '@/lib/firebase/metered';
import { rollupStateRef } from './metrics-refs';
import { ROLLUP_VERSION, ZRollupState, type RollupState } from './rollup-types';

export const EMPTY_STATE: RollupState = {
  version: ROLLUP_VERSION,
  dayCounts: {},
  lastRun: null,
  fleetSnapshotAtMs: null,
  storageMeasuredAtMs: null,
  lease: null,
};

/** The aggregator's watermark document. A missing or older-version state means "never ran": the next run is full. */
export async function readRollupState(): Promise<RollupState> {
  const snapshot = await readDoc(rollupStateRef());
  const parsed = ZRollupState.safeParse({ ...EMPTY_STATE, ...snapshot.data() });
  return parsed.success ? parsed.data : EMPTY_STATE;
}
