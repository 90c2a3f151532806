import { describe, expect, it } from 'vitest';
import {
  billableShares,
  estimateCost,
  FREE_TIER,
  GIB,
  projectToMonth,
  quantile,
  type FirestorePrices,
} from './estimate-cost';

const nam5: FirestorePrices = {
  readsPer100k: 0.06,
  writesPer100k: 0.18,
  deletesPer100k: 0.02,
  storageGibMonth: 0.18,
  freeTier: false,
};

describe('estimateCost', () => {
  it('prices operations per 100k and storage per GiB-month at the nam5 defaults', () => {
    const cost = estimateCost({ reads: 100_000, writes: 200_000, deletes: 50_000, storageBytes: GIB / 2 }, nam5);
    expect(cost.reads).toBeCloseTo(0.06);
    expect(cost.writes).toBeCloseTo(0.36);
    expect(cost.deletes).toBeCloseTo(0.01);
    expect(cost.storage).toBeCloseTo(0.09);
    expect(cost.total).toBeCloseTo(0.52);
  });

  it('takes the free tier off the fleet, not off each user', () => {
    const fleet = {
      reads: FREE_TIER.readsPerDay * 30 * 4,
      writes: FREE_TIER.writesPerDay * 30,
      deletes: 0,
      storageBytes: 3 * GIB,
    };
    const shares = billableShares(fleet, 30, { ...nam5, freeTier: true });
    expect(shares.reads).toBeCloseTo(0.75);
    expect(shares.writes).toBe(0);
    expect(shares.deletes).toBe(0);
    expect(shares.storage).toBeCloseTo(2 / 3);
    expect(billableShares(fleet, 30, nam5)).toEqual({ reads: 1, writes: 1, deletes: 1, storage: 1 });
    const user = estimateCost({ reads: 1_000_000, writes: 0, deletes: 0, storageBytes: 0 }, nam5, shares);
    expect(user.total).toBeCloseTo(0.6 * 0.75);
  });

  it('projects operations of a month in progress, but not its stored bytes', () => {
    expect(projectToMonth({ reads: 100, writes: 10, deletes: 1, storageBytes: 5000 }, 10, 30)).toEqual({
      reads: 300,
      writes: 30,
      deletes: 3,
      storageBytes: 5000,
    });
    expect(projectToMonth({ reads: 100, writes: 0, deletes: 0, storageBytes: 0 }, 31, 30).reads).toBe(100);
  });

  it('takes nearest-rank quantiles', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    expect(quantile([], 0.5)).toBeNull();
  });
});
