import { describe, expect, it } from 'vitest';
import { formatMetric } from './format-metric';

describe('formatMetric', () => {
  it('writes each kind of number readably', () => {
    expect(formatMetric(0.9991, 'percent')).toBe('99.91%');
    expect(formatMetric(0.25, 'percent')).toBe('25.0%');
    expect(formatMetric(350.4, 'ms')).toBe('350 ms');
    expect(formatMetric(5230, 'ms')).toBe('5.23 s');
    expect(formatMetric(0.00312, 'usd')).toBe('$0.0031');
    expect(formatMetric(1.5, 'usd')).toBe('$1.50');
    expect(formatMetric(2048, 'bytes')).toBe('2.0 KB');
    expect(formatMetric(12345, 'count')).toBe('12,345');
    expect(formatMetric(null, 'count')).toBe('—');
  });
});
