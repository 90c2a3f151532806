import { estimateCost, type FirestorePrices } from '@/lib/metrics/estimate-cost';

export type SyncChoice = { enabled: boolean; collections: { journal: boolean; mood: boolean; profile: boolean } };
export type TypeStats = { docs: number; bytes: number };
export type CloudStats = {
  journal: TypeStats;
  mood: TypeStats;
  profile: TypeStats;
  operations: { reads: number; writes: number; deletes: number; days: number };
};

export type SyncPreview = {
  types: {
    type: keyof SyncChoice['collections'];
    docs: number;
    bytes: number;
    storageCostMonth: number;
    syncingNow: boolean;
    syncingAfter: boolean;
  }[];
  monthlyCostNow: number;
  monthlyCostAfter: number;
};

/** Operations are attributed to types by their share of documents: an estimate, and the page says so. */
export function previewSyncChange(
  now: SyncChoice,
  after: SyncChoice,
  stats: CloudStats,
  prices: FirestorePrices,
): SyncPreview {
  const types = (['journal', 'mood', 'profile'] as const).map((type) => ({
    type,
    docs: stats[type].docs,
    bytes: stats[type].bytes,
    storageCostMonth: estimateCost({ reads: 0, writes: 0, deletes: 0, storageBytes: stats[type].bytes }, prices)
      .storage,
    syncingNow: now.enabled && now.collections[type],
    syncingAfter: after.enabled && after.collections[type],
  }));
  const totalDocs = types.reduce((n, t) => n + t.docs, 0);
  const monthly = (days: number, value: number) => (days > 0 ? (value * 30) / days : 0);
  const operationsMonth = estimateCost(
    {
      reads: monthly(stats.operations.days, stats.operations.reads),
      writes: monthly(stats.operations.days, stats.operations.writes),
      deletes: monthly(stats.operations.days, stats.operations.deletes),
      storageBytes: 0,
    },
    prices,
  ).total;
  const storage = types.reduce((sum, t) => sum + t.storageCostMonth, 0);
  const operationsShare = (key: 'syncingNow' | 'syncingAfter') =>
    totalDocs === 0
      ? types.some((t) => t[key])
        ? 1
        : 0
      : types.filter((t) => t[key]).reduce((n, t) => n + t.docs, 0) / totalDocs;
  // Operations observed now belong to what syncs now; scale them to what will sync after the change.
  const nowShare = operationsShare('syncingNow');
  const perShare = nowShare > 0 ? operationsMonth / nowShare : 0;
  return {
    types,
    monthlyCostNow: storage + operationsMonth,
    monthlyCostAfter: storage + perShare * operationsShare('syncingAfter'),
  };
}
