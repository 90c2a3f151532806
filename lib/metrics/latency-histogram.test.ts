import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addToHistogram,
  bucketIndex,
  bucketLowerMs,
  bucketUpperMs,
  histogramQuantile,
  LAST_BUCKET,
  mergeHistograms,
  shareWithin,
  type Histogram,
} from './latency-histogram';

describe('latency histogram', () => {
  it('puts 5,000 ms exactly on a bucket boundary', () => {
    expect(bucketUpperMs(bucketIndex(5000))).toBe(5000);
    expect(bucketIndex(5000.001)).toBe(bucketIndex(5000) + 1);
    expect(bucketIndex(0)).toBe(0);
    expect(bucketIndex(10 * 60_000)).toBe(LAST_BUCKET);
  });

  it('places every duration inside its bucket', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), (ms) => {
        const index = bucketIndex(ms);
        expect(ms).toBeLessThanOrEqual(bucketUpperMs(index));
        if (index > 0) expect(ms).toBeGreaterThan(bucketLowerMs(index));
      }),
    );
  });

  it('estimates quantiles within one bucket width (about 19%) of the exact value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 20, max: 100_000 }), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(0.5, 0.95, 0.99, 1),
        (values, q) => {
          const histogram: Histogram = {};
          for (const v of values) addToHistogram(histogram, v);
          const sorted = [...values].sort((a, b) => a - b);
          const exact = sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
          const estimate = histogramQuantile(histogram, q)!;
          expect(estimate).toBeGreaterThanOrEqual(bucketLowerMs(bucketIndex(exact)) - 1e-9);
          expect(estimate).toBeLessThanOrEqual(bucketUpperMs(bucketIndex(exact)) + 1e-9);
        },
      ),
    );
  });

  it('counts the share within 5 s exactly', () => {
    const histogram: Histogram = {};
    for (const v of [100, 4999, 5000, 5001, 12_000]) addToHistogram(histogram, v);
    expect(shareWithin(histogram, 5000)).toBeCloseTo(3 / 5);
    expect(shareWithin({}, 5000)).toBeNull();
    expect(histogramQuantile({}, 0.5)).toBeNull();
  });

  it('merges by adding counts', () => {
    expect(mergeHistograms({ '1': 2, '5': 1 }, { '5': 3 }, undefined)).toEqual({ '1': 2, '5': 4 });
  });
});
