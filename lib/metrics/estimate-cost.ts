// docs/admin-analytics.md, "Cost model". The free tier is per project, so users are billed at the fleet's share.
export type FirestorePrices = {
  readsPer100k: number;
  writesPer100k: number;
  deletesPer100k: number;
  storageGibMonth: number;
  freeTier: boolean;
};

export type Usage = { reads: number; writes: number; deletes: number; storageBytes: number };
export type CostBreakdown = { reads: number; writes: number; deletes: number; storage: number; total: number };
export type BillableShares = { reads: number; writes: number; deletes: number; storage: number };

export const COST_TARGET_USD = 2;
export const GIB = 1024 ** 3;
export const FREE_TIER = { readsPerDay: 50_000, writesPerDay: 20_000, deletesPerDay: 20_000, storageBytes: GIB };
export const FULLY_BILLED: BillableShares = { reads: 1, writes: 1, deletes: 1, storage: 1 };

export function estimateCost(
  usage: Usage,
  prices: FirestorePrices,
  shares: BillableShares = FULLY_BILLED,
): CostBreakdown {
  const reads = (usage.reads / 100_000) * prices.readsPer100k * shares.reads;
  const writes = (usage.writes / 100_000) * prices.writesPer100k * shares.writes;
  const deletes = (usage.deletes / 100_000) * prices.deletesPer100k * shares.deletes;
  const storage = (usage.storageBytes / GIB) * prices.storageGibMonth * shares.storage;
  return { reads, writes, deletes, storage, total: reads + writes + deletes + storage };
}

/** Daily quotas apply to the period's sum, which assumes usage is spread evenly over its days. */
export function billableShares(fleet: Usage, days: number, prices: FirestorePrices): BillableShares {
  if (!prices.freeTier) return FULLY_BILLED;
  const share = (total: number, free: number) => (total <= 0 ? 0 : Math.max(0, total - free) / total);
  return {
    reads: share(fleet.reads, FREE_TIER.readsPerDay * days),
    writes: share(fleet.writes, FREE_TIER.writesPerDay * days),
    deletes: share(fleet.deletes, FREE_TIER.deletesPerDay * days),
    storage: share(fleet.storageBytes, FREE_TIER.storageBytes),
  };
}

/** A month in progress, projected to the whole month: operations scale with time, stored bytes do not. */
export function projectToMonth(usage: Usage, elapsedDays: number, daysInMonth: number): Usage {
  const factor = elapsedDays > 0 ? Math.max(1, daysInMonth / elapsedDays) : 1;
  return {
    reads: usage.reads * factor,
    writes: usage.writes * factor,
    deletes: usage.deletes * factor,
    storageBytes: usage.storageBytes,
  };
}

export function addUsage(a: Usage, b: Usage): Usage {
  return {
    reads: a.reads + b.reads,
    writes: a.writes + b.writes,
    deletes: a.deletes + b.deletes,
    storageBytes: a.storageBytes + b.storageBytes,
  };
}

export const NO_USAGE: Usage = { reads: 0, writes: 0, deletes: 0, storageBytes: 0 };

export function quantile(sortedAscending: readonly number[], q: number): number | null {
  if (sortedAscending.length === 0) return null;
  const rank = Math.max(1, Math.ceil(q * sortedAscending.length));
  return sortedAscending[Math.min(rank, sortedAscending.length) - 1]!;
}
