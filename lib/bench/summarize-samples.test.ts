import { describe, expect, it } from 'vitest';
import { formatSummary, percentile, summarize } from './summarize-samples';

describe('summarize', () => {
  it('reports the median, nearest-rank p95 and range of unsorted samples', () => {
    const samples = Array.from({ length: 20 }, (_, i) => 20 - i); // 20..1
    expect(summarize(samples)).toEqual({ n: 20, median: 10, p95: 19, min: 1, max: 20 });
  });

  it('takes an observed value for every percentile', () => {
    expect(percentile([5], 95)).toBe(5);
    expect(percentile([1, 2, 3], 0)).toBe(1);
    expect(percentile([1, 2, 3], 100)).toBe(3);
    expect(() => percentile([], 50)).toThrow(/no samples/);
  });

  it('formats a median with its spread', () => {
    expect(formatSummary(summarize([1.234, 1.5, 1.1]), ' s')).toBe('1.23 s (1.10–1.50)');
    expect(formatSummary(summarize([1520]), ' ms')).toBe('1,520 ms');
  });
});
