import type { FirestorePrices } from './estimate-cost';

/** Whether a month was priced with the prices configured now (if not, the page asks for a new rollup). */
export function isDeepStrictEqualPrices(a: FirestorePrices, b: FirestorePrices): boolean {
  return (
    a.readsPer100k === b.readsPer100k &&
    a.writesPer100k === b.writesPer100k &&
    a.deletesPer100k === b.deletesPer100k &&
    a.storageGibMonth === b.storageGibMonth &&
    a.freeTier === b.freeTier
  );
}
