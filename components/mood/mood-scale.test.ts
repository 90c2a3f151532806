import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Curve } from 'recharts';
import { expect, it } from 'vitest';
import { MOOD_DOMAIN, MOOD_LINE_CURVE, MOOD_TICKS } from './mood-scale';

/** The path recharts draws for these y values, one day apart, and its commands with their coordinates. */
function drawn(values: number[]): { commands: string; ys: number[] } {
  const points = values.map((y, i) => ({ x: i * 10, y }));
  const html = renderToStaticMarkup(createElement(Curve, { type: MOOD_LINE_CURVE, layout: 'horizontal', points }));
  const d = /\sd="([^"]*)"/.exec(html)?.[1] ?? '';
  const numbers = (d.match(/-?[\d.]+(?:e-?\d+)?/g) ?? []).map(Number);
  return { commands: d.replace(/[^A-Za-z]/g, ''), ys: numbers.filter((_, i) => i % 2 === 1) };
}

it('draws straight segments, so 3, 1, 3 never dips below 1', () => {
  const { commands, ys } = drawn([3, 1, 3]);
  expect(commands).toBe('MLL');
  expect(Math.min(...ys)).toBe(1);
});

it('never leaves the range of its points, for any series of daily averages', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: 1, max: 5, noNaN: true }), { minLength: 2, maxLength: 30 }), (values) => {
      const { commands, ys } = drawn(values);
      expect(commands).toMatch(/^ML+$/);
      for (const y of ys) {
        expect(y).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
        expect(y).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
      }
    }),
  );
});

it('spans the whole 1–5 scale', () => {
  expect(MOOD_DOMAIN).toEqual([1, 5]);
  expect(MOOD_TICKS).toEqual([1, 2, 3, 4, 5]);
});
