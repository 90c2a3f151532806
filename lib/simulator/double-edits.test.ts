import { describe, expect, it } from 'vitest';
import { createRandom } from '@/lib/seed/random';
import { mergeText } from '@/lib/sync/merge/merge-text';
import { mergeSet } from '@/lib/sync/merge/merge-entry';
import { DOUBLE_EDITS, doubleEditChange, fixFirstLine, pickDoubleEdit } from './double-edits';

const entry = { title: 'A long week', body: 'Work ran late again\n\nI went for a walk after.\n', tags: ['work'] };

/** Whether the two halves of a double edit merge, by the protocol's own text and set rules. */
function merges(kind: (typeof DOUBLE_EDITS)[number]): boolean {
  const random = createRandom(7);
  const [a, b] = [doubleEditChange(kind, 0, entry, random), doubleEditChange(kind, 1, entry, random)];
  if ('title' in a && 'title' in b && a.title !== b.title) return false;
  const body = mergeText(entry.body, String(a.body ?? entry.body), String(b.body ?? entry.body));
  const tags = mergeSet(entry.tags, (a.tags as string[]) ?? entry.tags, (b.tags as string[]) ?? entry.tags);
  return body.ok && tags.length >= entry.tags.length;
}

describe('double edits', () => {
  it('makes concurrent edits that merge, except the same line rewritten on both phones', () => {
    expect(Object.fromEntries(DOUBLE_EDITS.map((kind) => [kind, merges(kind)]))).toEqual({
      'append-both': true,
      'typo-and-append': true,
      tags: true,
      'title-and-append': true,
      'same-line': false,
    });
  });

  it('gives the two phones different closing lines and different tags', () => {
    const random = createRandom(3);
    const [a, b] = [
      doubleEditChange('append-both', 0, entry, random),
      doubleEditChange('append-both', 1, entry, createRandom(3)),
    ];
    expect(a.body).not.toEqual(b.body);
    const [x, y] = [doubleEditChange('tags', 0, entry, random), doubleEditChange('tags', 1, entry, random)];
    expect(x.tags).not.toEqual(y.tags);
  });

  it('fixes one character of the first line', () => {
    expect(fixFirstLine('Work ran late again\nrest')).toBe('Work ran late again.\nrest');
    expect(fixFirstLine('Two  spaces.')).toBe('Two spaces.');
  });

  it('draws every kind, mostly ones that merge', () => {
    const random = createRandom(11);
    const drawn = Array.from({ length: 2000 }, () => pickDoubleEdit(random));
    for (const kind of DOUBLE_EDITS) expect(drawn).toContain(kind);
    expect(drawn.filter((k) => k === 'same-line').length / drawn.length).toBeLessThan(0.15);
  });
});
