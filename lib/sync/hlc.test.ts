import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRevs, formatRev, initialClock, parseRev, receive, tick } from './hlc';

describe('HLC revisions', () => {
  it('formats with fixed widths, as the contract example', () => {
    expect(formatRev({ physical: 1764000000000, counter: 3, node: 'ios-4f2a' })).toBe('1764000000000:0003:ios-4f2a');
    expect(parseRev('1764000000000:0003:ios-4f2a')).toEqual({ physical: 1764000000000, counter: 3, node: 'ios-4f2a' });
  });

  it('rejects malformed revs', () => {
    for (const bad of [
      '',
      '1764000000000:3:ios',
      '176400000000:0003:ios',
      '1764000000000:0003:',
      '1764000000000:0003:a b',
    ]) {
      expect(() => parseRev(bad)).toThrow(/Not an HLC revision/);
    }
  });

  it('counts edits within one millisecond and resets when time moves on', () => {
    let clock = initialClock('ios-1');
    clock = tick(clock, 1000);
    expect(clock).toEqual({ physical: 1000, counter: 0, node: 'ios-1' });
    clock = tick(clock, 1000);
    expect(clock.counter).toBe(1);
    clock = tick(clock, 999); // the wall clock stepped back: physical time holds
    expect(clock).toEqual({ physical: 1000, counter: 2, node: 'ios-1' });
    clock = tick(clock, 1001);
    expect(clock).toEqual({ physical: 1001, counter: 0, node: 'ios-1' });
  });

  it('moves to the next millisecond instead of overflowing the counter', () => {
    const clock = tick({ physical: 5, counter: 9999, node: 'n' }, 5);
    expect(clock).toEqual({ physical: 6, counter: 0, node: 'n' });
    expect(compareRevs(formatRev(clock), formatRev({ physical: 5, counter: 9999, node: 'n' }))).toBe(1);
  });

  it('after receiving a rev, the next local edit sorts after it, whatever the clock skew', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4e12 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 4e12 }),
        fc.integer({ min: -600_000, max: 600_000 }),
        (remotePhysical, remoteCounter, localPhysical, skew) => {
          const remote = formatRev({ physical: remotePhysical, counter: remoteCounter, node: 'android-2' });
          const wall = Math.max(0, localPhysical + skew);
          const merged = receive({ physical: localPhysical, counter: 0, node: 'ios-1' }, remote, wall);
          const next = tick(merged, wall);
          expect(compareRevs(formatRev(next), remote)).toBe(1);
        },
      ),
    );
  });

  it('string order equals clock order', () => {
    const arbClock = fc.record({
      physical: fc.integer({ min: 0, max: 9e12 }),
      counter: fc.integer({ min: 0, max: 9999 }),
      node: fc.constantFrom('a', 'b'),
    });
    fc.assert(
      fc.property(arbClock, arbClock, (x, y) => {
        const byFields =
          x.physical - y.physical || x.counter - y.counter || (x.node < y.node ? -1 : x.node > y.node ? 1 : 0);
        expect(Math.sign(compareRevs(formatRev(x), formatRev(y)))).toBe(Math.sign(byFields));
      }),
    );
  });
});
