import { expect, it } from 'vitest';
import { previewSyncChange, type CloudStats } from './preview-sync-change';

const prices = {
  readsPer100k: 0.06,
  writesPer100k: 0.18,
  deletesPer100k: 0.02,
  storageGibMonth: 0.18,
  freeTier: false,
};
const GIB = 1024 ** 3;
const stats: CloudStats = {
  journal: { docs: 300, bytes: GIB / 2 },
  mood: { docs: 100, bytes: GIB / 4 },
  profile: { docs: 0, bytes: 0 },
  // 15 days of operations: 150,000 reads and 50,000 writes.
  operations: { reads: 150_000, writes: 50_000, deletes: 0, days: 15 },
};
const on = { enabled: true, collections: { journal: true, mood: true, profile: true } };

it('prices storage per type and projects operations to a month', () => {
  const preview = previewSyncChange(on, on, stats, prices);
  expect(preview.types.map((t) => [t.type, t.docs, t.storageCostMonth])).toEqual([
    ['journal', 300, 0.09],
    ['mood', 100, 0.045],
    ['profile', 0, 0],
  ]);
  // Storage 0.135 + operations (300k reads: 0.18, 100k writes: 0.18) = 0.495 a month.
  expect(preview.monthlyCostNow).toBeCloseTo(0.495, 6);
  expect(preview.monthlyCostAfter).toBeCloseTo(0.495, 6);
});

it('stops a switched-off type\u2019s operations but keeps its storage until it is removed', () => {
  const preview = previewSyncChange(on, { ...on, collections: { ...on.collections, journal: false } }, stats, prices);
  // Journal is 3/4 of the documents, so 3/4 of the operations stop.
  expect(preview.monthlyCostAfter).toBeCloseTo(0.135 + 0.36 / 4, 6);
  expect(preview.types[0]).toMatchObject({ syncingNow: true, syncingAfter: false });
  expect(previewSyncChange(on, { ...on, enabled: false }, stats, prices).monthlyCostAfter).toBeCloseTo(0.135, 6);
});

it('turning sync back on brings the operations back in proportion', () => {
  const off = { ...on, collections: { ...on.collections, journal: false } };
  const preview = previewSyncChange(
    off,
    on,
    { ...stats, operations: { reads: 37_500, writes: 12_500, deletes: 0, days: 15 } },
    prices,
  );
  expect(preview.monthlyCostAfter).toBeCloseTo(0.135 + 0.09 * 4, 6);
});
