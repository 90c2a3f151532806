import { describe, expect, it } from 'vitest';
import { lineBounds, mergeText } from './merge-text';

// [what, base, earlier rev's text, later rev's text, merged or null for a conflict]
const CASES: [string, string, string, string, string | null][] = [
  ['takes the one side that changed', 'a\nb\n', 'a\nb\n', 'a\nB\n', 'a\nB\n'],
  ['combines changes to different lines', 'a\nb\nc\nd\n', 'A\nb\nc\nd\n', 'a\nb\nc\nD\n', 'A\nb\nc\nD\n'],
  ['combines changes to adjacent lines (GNU diff3 would not)', 'a\nb\nc\n', 'a\nB\nc\n', 'a\nb\nC\n', 'a\nB\nC\n'],
  [
    'keeps both appends, the earlier rev first',
    'Day\n',
    'Day\nran 5k\n',
    'Day\nfelt tired\n',
    'Day\nran 5k\nfelt tired\n',
  ],
  [
    'writes a line both appended once',
    'Day\n',
    'Day\n- milk\n- eggs\n',
    'Day\n- milk\n- bread\n',
    'Day\n- milk\n- eggs\n- bread\n',
  ],
  ['keeps both texts typed into an empty field', '', 'calm', 'tired', 'calm\ntired'],
  ['accepts the same change made on both sides', 'a\nb\n', 'a\nB\n', 'a\nB\n', 'a\nB\n'],
  ['refuses a line changed differently on both sides', 'a\nb\nc\n', 'a\nB\nc\n', 'a\nβ\nc\n', null],
  ['refuses an edit of a line the other side deleted', 'a\nb\nc\n', 'a\nB\nc\n', 'a\nc\n', null],
  ['refuses an insertion inside lines the other side rewrote', 'a\nb\nc\nd\n', 'a\nb\nnew\nc\nd\n', 'a\nX\nd\n', null],
  [
    'keeps an insertion between two lines the other side changed',
    'a\nb\nc\nd\n',
    'a\nb\nnew\nc\nd\n',
    'a\nX\nY\nd\n',
    'a\nX\nnew\nY\nd\n',
  ],
  ['deletes what either side deleted, overlapping or not', 'a\nb\nc\nd\ne\n', 'a\nd\ne\n', 'a\nb\ne\n', 'a\ne\n'],
  ['a whitespace-only change is a change', 'walk\n', 'walk \n', 'Walk\n', null],
  [
    'a whitespace-only change merges with a change elsewhere',
    'walk\nrun\n',
    'walk  \nrun\n',
    'walk\nran\n',
    'walk  \nran\n',
  ],
  ['a moved line combines with an edit of another line', '1\n2\n3', '2\n3\n1', '1\nB\n3', 'B\n3\n1'],
  ['a line moved to two different places is refused', 'y\np\nq', 'p\nq\ny', 'p\ny\nq', null],
  ['a moved line the other side edited is refused', '1\n2\n3', '2\n3\n1', 'one\n2\n3', null],
  ['the trailing newline merges like a scalar', 'a', 'a\n', 'a\nb', 'a\nb\n'],
  ['removing the trailing newline merges too', 'a\nb\n', 'a\nb', 'a\nB\n', 'a\nB'],
  [
    'CRLF lines equal their LF copies; each line keeps its ending',
    'a\r\nb\r\n',
    'a\r\nb\r\nc\r\n',
    'a\nB\n',
    'a\nB\nc\r\n',
  ],
  ['a lone "\\r" inside a line is text', 'a\rb\n', 'ab\n', 'a\rB\n', null],
  ['a block of changed lines merges line by line', 'a\nb\nc\n', 'A\nB\nc\n', 'a\nB\nC\n', 'A\nB\nC\n'],
  ['emoji lines compare whole', '👩‍👩‍👧 dinner\n', '👩‍👩‍👧 dinner 🍝\n', '👩‍👩‍👧 dinner\n☕\n', '👩‍👩‍👧 dinner 🍝\n☕\n'],
  ['deleting everything on both sides leaves nothing', 'x\ny\n', 'y\n', 'x\n', ''],
];

describe('mergeText', () => {
  it.each(CASES)('%s', (_what, base, earlier, later, expected) => {
    const merged = mergeText(base, earlier, later);
    expect(merged).toEqual(expected === null ? { ok: false } : { ok: true, text: expected });
  });

  it('puts the earlier rev first whichever side it is on', () => {
    expect(mergeText('Day\n', 'Day\nfelt tired\n', 'Day\nran 5k\n')).toEqual({
      ok: true,
      text: 'Day\nfelt tired\nran 5k\n',
    });
  });

  it('changes nothing when one input is merged into the result again', () => {
    for (const [, base, earlier, later, expected] of CASES) {
      if (expected === null) continue;
      expect(mergeText(base, earlier, expected)).toEqual({ ok: true, text: expected });
      expect(mergeText(base, later, expected)).toEqual({ ok: true, text: expected });
    }
  });
});

describe('lineBounds', () => {
  it('allows what each side added, and no copy of a base line that no side added', () => {
    expect(lineBounds(0, 1, 1)).toEqual({ min: 1, max: 2 }); // both added it: once if in the same place
    expect(lineBounds(1, 1, 1)).toEqual({ min: 1, max: 1 }); // both kept it (or moved it): exactly once
    expect(lineBounds(3, 4, 4)).toEqual({ min: 1, max: 5 }); // blank lines added in two places
    expect(lineBounds(2, 1, 1)).toEqual({ min: 0, max: 2 }); // each deleted one copy, maybe not the same one
    expect(lineBounds(1, 2, 0)).toEqual({ min: 1, max: 2 }); // one added a copy, the other deleted the original
  });
});
