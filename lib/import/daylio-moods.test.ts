import { describe, expect, it } from 'vitest';
import { resolveMoodLevels, ZMoodMap } from './daylio-moods';

const seen = (...names: string[]) => new Map(names.map((name) => [name.toLowerCase(), { name, count: 1 }]));
const levels = (...args: Parameters<typeof resolveMoodLevels>) =>
  resolveMoodLevels(...args).map((m) => `${m.name}=${m.level} ${m.basis}`);

describe('resolveMoodLevels', () => {
  it("keeps Daylio's defaults, English and German", () => {
    expect(levels(seen('rad', 'good', 'meh', 'bad', 'awful'))).toEqual([
      'rad=5 standard',
      'good=4 standard',
      'meh=3 standard',
      'bad=2 standard',
      'awful=1 standard',
    ]);
    expect(levels(seen('Super', 'Lausig'))).toEqual(['Super=5 standard', 'Lausig=1 standard']);
  });

  it('guesses a custom name from a known word in it', () => {
    expect(levels(seen('pretty sad', 'OK', 'so-so', 'Tired :(', 'Amazing!'))).toEqual([
      'pretty sad=2 word',
      'OK=3 standard',
      'so-so=3 word',
      'Tired :(=2 word',
      'Amazing!=5 word',
    ]);
  });

  it('does not guess from a word that the name negates, and marks the name for the user to check', () => {
    // "not great" found "great" and became 5, shown as a guess from the name rather than one to check.
    expect(levels(seen('not great', "Don't feel well", 'nicht gut', 'rad'))).toEqual([
      'not great=3 unknown',
      "Don't feel well=3 unknown",
      'nicht gut=3 unknown',
      'rad=5 standard',
    ]);
    expect(levels(seen('notably happy'))).toEqual(['notably happy=4 word']);
  });

  it('gives a lone unknown name the one level no other mood holds, and otherwise the middle', () => {
    expect(levels(seen('rad', 'good', 'meh', 'blorp', 'awful'))).toEqual([
      'rad=5 standard',
      'good=4 standard',
      'meh=3 standard',
      'blorp=2 free-level',
      'awful=1 standard',
    ]);
    expect(levels(seen('rad', 'blorp', 'zing'))).toEqual(['rad=5 standard', 'blorp=3 unknown', 'zing=3 unknown']);
  });

  it('lets the user’s choice win, whatever the case of the name, and finds nothing on the prototype', () => {
    expect(
      levels(seen('rad', 'blorp'), [
        { name: 'RAD', level: 1 },
        { name: 'Blorp', level: 5 },
      ]),
    ).toEqual(['rad=1 chosen', 'blorp=5 chosen']);
    expect(levels(seen('constructor', '__proto__', 'toString'))).toEqual([
      'constructor=3 unknown',
      '__proto__=3 unknown',
      'toString=3 unknown',
    ]);
  });
});

describe('ZMoodMap', () => {
  it('takes names with levels 1–5, each name once', () => {
    expect(ZMoodMap.safeParse([{ name: 'blah', level: 2 }]).success).toBe(true);
    expect(ZMoodMap.safeParse([{ name: 'blah', level: 6 }]).success).toBe(false);
    expect(ZMoodMap.safeParse([{ name: 'blah', level: 2.5 }]).success).toBe(false);
    expect(ZMoodMap.safeParse([{ name: ' ', level: 2 }]).success).toBe(false);
    expect(
      ZMoodMap.safeParse([
        { name: 'Blah', level: 2 },
        { name: 'blah ', level: 3 },
      ]).success,
    ).toBe(false);
    expect(ZMoodMap.safeParse([{ name: 'blah', level: 2, admin: true }]).success).toBe(false);
    expect(ZMoodMap.safeParse(Array.from({ length: 101 }, (_, i) => ({ name: `m${i}`, level: 3 }))).success).toBe(
      false,
    );
  });
});
