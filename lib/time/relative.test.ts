import { expect, it } from 'vitest';
import { formatRelative } from './relative';

it.each([
  [-10_000, 'just now'],
  [-120_000, '2 minutes ago'],
  [-3 * 3_600_000, '3 hours ago'],
  [-86_400_000, 'yesterday'],
  [-9 * 86_400_000, 'last week'],
  [-400 * 86_400_000, 'last year'],
  [-44_999, 'just now'],
  [-45_000, '1 minute ago'],
  [1, 'just now'],
  [2 * 3_600_000, 'just now'],
  [15 * 3_600_000, 'just now'],
  [40 * 86_400_000, 'just now'],
])('formats %i ms as %s', (diff, expected) => {
  const now = Date.UTC(2026, 10, 25, 12);
  expect(formatRelative(now + diff, now)).toBe(expected);
});
