// Four buckets per doubling (within ~9%); 5,000 ms, the target, is a boundary, so "within 5 s" is exact.
export type Histogram = Record<string, number>;

export const LATENCY_TARGET_MS = 5000;
const STEPS_PER_DOUBLING = 4;
/** Bucket 36 ends exactly at 5,000 ms; bucket 0 ends at 5000 / 2^9 ≈ 9.8 ms. */
const TARGET_BUCKET = 36;
export const LAST_BUCKET = TARGET_BUCKET + 5 * STEPS_PER_DOUBLING + 1; // 57: everything above 160 s

export function bucketUpperMs(index: number): number {
  if (index >= LAST_BUCKET) return Number.POSITIVE_INFINITY;
  return LATENCY_TARGET_MS * 2 ** ((index - TARGET_BUCKET) / STEPS_PER_DOUBLING);
}

export function bucketLowerMs(index: number): number {
  return index <= 0 ? 0 : bucketUpperMs(index - 1);
}

/** The bucket holding a duration: bucket i covers (upper(i-1), upper(i)]. */
export function bucketIndex(ms: number): number {
  if (!(ms > bucketUpperMs(0))) return 0;
  let index = Math.min(
    LAST_BUCKET,
    Math.max(1, Math.ceil(STEPS_PER_DOUBLING * Math.log2(ms / LATENCY_TARGET_MS)) + TARGET_BUCKET),
  );
  // Correct for floating-point error right at a boundary.
  while (index < LAST_BUCKET && ms > bucketUpperMs(index)) index++;
  while (index > 0 && ms <= bucketUpperMs(index - 1)) index--;
  return index;
}

export function addToHistogram(histogram: Histogram, ms: number, count = 1): void {
  const key = String(bucketIndex(ms));
  histogram[key] = (histogram[key] ?? 0) + count;
}

export function mergeHistograms(...histograms: (Histogram | undefined)[]): Histogram {
  const merged: Histogram = {};
  for (const histogram of histograms) {
    for (const [key, count] of Object.entries(histogram ?? {})) merged[key] = (merged[key] ?? 0) + count;
  }
  return merged;
}

export function histogramTotal(histogram: Histogram): number {
  return Object.values(histogram).reduce((sum, count) => sum + count, 0);
}

function sortedBuckets(histogram: Histogram): [number, number][] {
  return Object.entries(histogram)
    .map(([key, count]): [number, number] => [Number(key), count])
    .filter(([, count]) => count > 0)
    .sort((a, b) => a[0] - b[0]);
}

/** Geometric inside its bucket (linear in the first); the open last bucket reads as its lower bound. */
export function histogramQuantile(histogram: Histogram, q: number): number | null {
  const total = histogramTotal(histogram);
  if (total === 0) return null;
  const rank = Math.min(Math.max(q, 0), 1) * total;
  let seen = 0;
  for (const [index, count] of sortedBuckets(histogram)) {
    if (seen + count >= rank) {
      const fraction = count === 0 ? 1 : Math.max(0, rank - seen) / count;
      const lower = bucketLowerMs(index);
      const upper = bucketUpperMs(index);
      if (!Number.isFinite(upper)) return lower;
      if (lower === 0) return upper * fraction;
      return lower * (upper / lower) ** fraction;
    }
    seen += count;
  }
  return bucketLowerMs(LAST_BUCKET);
}

export function shareWithin(histogram: Histogram, ms: number): number | null {
  const total = histogramTotal(histogram);
  if (total === 0) return null;
  let within = 0;
  for (const [index, count] of sortedBuckets(histogram)) if (bucketUpperMs(index) <= ms) within += count;
  return within / total;
}

export function histogramBars(histogram: Histogram): { index: number; upToMs: number; count: number }[] {
  return sortedBuckets(histogram).map(([index, count]) => ({ index, upToMs: bucketUpperMs(index), count }));
}
