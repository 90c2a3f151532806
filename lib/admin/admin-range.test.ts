import { describe, expect, it } from 'vitest';
import { resolveRange, resolveRangeForPage } from './admin-range';

describe('admin date ranges', () => {
  it('resolves presets ending today', () => {
    expect(resolveRange({ range: '7d' }, '2026-11-25')).toEqual({
      from: '2026-11-19',
      to: '2026-11-25',
      days: 7,
      preset: '7d',
    });
    expect(resolveRange({}, '2026-11-25').days).toBe(30);
  });

  it('accepts explicit days and refuses reversed, future and too long ranges', () => {
    expect(resolveRange({ from: '2026-10-01', to: '2026-10-31' }, '2026-11-25').days).toBe(31);
    expect(() => resolveRange({ from: '2026-11-10', to: '2026-11-01' }, '2026-11-25')).toThrow(/start date is after/);
    expect(() => resolveRange({ to: '2026-12-01' }, '2026-11-25')).toThrow(/future/);
    expect(() => resolveRange({ from: '2024-01-01', to: '2026-11-25' }, '2026-11-25')).toThrow(/at most 400 days/);
  });

  it('falls back to 30 days on a page, saying why', () => {
    const { range, problem } = resolveRangeForPage({ from: '2026-13-45' }, '2026-11-25');
    expect(range.days).toBe(30);
    expect(problem).toMatch(/Expected a date/);
  });
});
