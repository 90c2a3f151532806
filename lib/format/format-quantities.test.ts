import { describe, expect, it } from 'vitest';
import { formatBytes, formatUsd } from './format-quantities';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1,023 bytes'],
    [1024, '1 KB'],
    [1536, '2 KB'],
    [1024 * 1024 - 1, '1,024 KB'],
    [1024 * 1024, '1 MB'],
    [1.5 * 1024 * 1024, '1.5 MB'],
    [50 * 1024 * 1024, '50 MB'],
    [3 * 1024 ** 3, '3 GB'],
    [2048 * 1024 ** 4, '2,048 TB'],
    [-1, '—'],
    [Number.NaN, '—'],
    [Number.POSITIVE_INFINITY, '—'],
  ])('writes %s as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('keeps a fixed number of decimals for tables, and a fixed unit when asked', () => {
    expect(formatBytes(2048, { decimals: 1 })).toBe('2.0 KB');
    expect(formatBytes(5 * 1024 * 1024, { decimals: 1 })).toBe('5.0 MB');
    expect(formatBytes(512, { decimals: 1 })).toBe('512 bytes');
    expect(formatBytes(512 * 1024, { unit: 'MB', decimals: 1 })).toBe('0.5 MB');
    expect(formatBytes(3 * 1024 ** 3, { unit: 'MB', decimals: 1 })).toBe('3,072.0 MB');
  });
});

describe('formatUsd', () => {
  it.each([
    [0, '$0'],
    [1.5, '$1.50'],
    [0.01, '$0.01'],
    [0.1, '$0.10'],
    [1234.5, '$1,234.50'],
    [0.00312, '$0.0031'],
    [0.001, '$0.001'],
    [0.0000123, '$0.000012'],
    [-2, '-$2.00'],
    [Number.NaN, '—'],
  ])('writes %s as %s', (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });
});
