import { describe, expect, it } from 'vitest';
import { MemoryTimestamp } from '@/tests/helpers/memory-cloud';
import { mergeEntry, mergeSet, same } from './merge-entry';

const at = (s: number) => new MemoryTimestamp(1_764_000_000 + s, 0);
const rev = (ms: number, device: string) => `${1_764_000_000_000 + ms}:0000:${device}`;
const base = {
  title: 'Walk',
  body: 'To the sea.\n',
  tags: ['calm', 'walk'],
  mood: 3,
  createdAt: at(0),
  updatedAt: at(0),
  deletedAt: null,
  rev: rev(0, 'ios-a'),
  baseRev: null,
  deviceId: 'ios-a',
};
const phone = (fields: Record<string, unknown>) => ({
  ...base,
  ...fields,
  updatedAt: at(10),
  rev: rev(10, 'ios-a'),
  baseRev: base.rev,
  deviceId: 'ios-a',
});
const web = (fields: Record<string, unknown>) => ({
  ...base,
  ...fields,
  updatedAt: at(20),
  rev: rev(20, 'web-b'),
  baseRev: base.rev,
  deviceId: 'web-b',
});

describe('mergeEntry', () => {
  it('takes each field from the side that changed it, and the later updatedAt', () => {
    const result = mergeEntry('journal_entries', base, phone({ title: 'Walk 🌊' }), web({ mood: 5 }));
    expect(result).toEqual({
      ok: true,
      fields: {
        title: 'Walk 🌊',
        body: base.body,
        tags: base.tags,
        mood: 5,
        createdAt: at(0),
        updatedAt: at(20),
        deletedAt: null,
      },
    });
  });

  it('gives the same result whichever side is passed first', () => {
    const [a, b] = [
      phone({ body: 'To the sea.\nCold.\n', tags: ['calm', 'sea'] }),
      web({ body: 'To the sea.\nWindy.\n', tags: ['walk', 'sun'] }),
    ];
    const result = mergeEntry('journal_entries', base, a, b);
    expect(result).toEqual(mergeEntry('journal_entries', base, b, a));
    expect(result).toMatchObject({ ok: true, fields: { body: 'To the sea.\nCold.\nWindy.\n', tags: ['sun', 'sea'] } });
  });

  it('accepts a scalar both sides set to the same value, and refuses two different values', () => {
    expect(mergeEntry('journal_entries', base, phone({ mood: 4 }), web({ mood: 4 }))).toMatchObject({
      ok: true,
      fields: { mood: 4 },
    });
    expect(mergeEntry('journal_entries', base, phone({ mood: 4 }), web({ mood: 5 }))).toEqual({
      ok: false,
      reason: 'changed-on-both-sides',
      field: 'mood',
    });
    // Timestamps compare by value, not by object identity.
    expect(mergeEntry('journal_entries', base, phone({ createdAt: at(-5) }), web({ createdAt: at(-5) }))).toMatchObject(
      { ok: true },
    );
  });

  it('refuses a line changed differently on both sides', () => {
    expect(
      mergeEntry('journal_entries', base, phone({ body: 'To the lake.\n' }), web({ body: 'To the hills.\n' })),
    ).toEqual({ ok: false, reason: 'changed-on-both-sides', field: 'body' });
  });

  it('never merges a tombstone, on either side or in the base', () => {
    const deleted = { deletedAt: at(15) };
    expect(mergeEntry('journal_entries', base, phone(deleted), web({ mood: 1 }))).toEqual({
      ok: false,
      reason: 'tombstone',
    });
    expect(mergeEntry('journal_entries', base, phone({ mood: 1 }), web(deleted))).toEqual({
      ok: false,
      reason: 'tombstone',
    });
    expect(
      mergeEntry(
        'journal_entries',
        { ...base, ...deleted },
        phone({ deletedAt: null }),
        web({ deletedAt: null, mood: 1 }),
      ),
    ).toEqual({ ok: false, reason: 'tombstone' });
  });

  it('refuses a merge the contract would not accept', () => {
    const half = 'x'.repeat(60_000);
    const result = mergeEntry(
      'journal_entries',
      base,
      phone({ body: `${base.body}${half}\n` }),
      web({ body: `${half}y\n${base.body}` }),
    );
    expect(result).toEqual({ ok: false, reason: 'invalid-result', field: 'body' });
    const tags = (prefix: string) => Array.from({ length: 16 }, (_, i) => `${prefix}${i}`);
    expect(mergeEntry('journal_entries', base, phone({ tags: tags('a') }), web({ tags: tags('b') }))).toMatchObject({
      ok: false,
      reason: 'invalid-result',
      field: 'tags',
    });
  });

  it('merges a check-in: sets of emotions and activities, the note line by line, absent as null', () => {
    const check = {
      score: 3,
      emotions: ['calm'],
      activities: ['walk'],
      recordedAt: at(0),
      updatedAt: at(0),
      deletedAt: null,
      rev: rev(0, 'ios-a'),
      baseRev: null,
      deviceId: 'ios-a',
    };
    const a = { ...check, emotions: ['calm', 'happy'], note: 'Sunny.', updatedAt: at(10), rev: rev(10, 'ios-a') };
    const b = { ...check, activities: [], score: 4, note: null, updatedAt: at(20), rev: rev(20, 'web-b') };
    expect(mergeEntry('mood_entries', check, a, b)).toEqual({
      ok: true,
      fields: {
        score: 4,
        emotions: ['calm', 'happy'],
        activities: [],
        note: 'Sunny.',
        recordedAt: at(0),
        updatedAt: at(20),
        deletedAt: null,
      },
    });
  });
});

describe('mergeSet', () => {
  it('keeps what both kept and what either added, in the later side order, then the earlier side additions', () => {
    expect(mergeSet(['a', 'b', 'c'], ['c', 'b', 'x'], ['b', 'a', 'y'])).toEqual(['b', 'y', 'x']);
    expect(mergeSet([], ['x', 'x'], ['y'])).toEqual(['y', 'x']);
  });
});

describe('same', () => {
  it('compares timestamps by value and objects regardless of key order', () => {
    expect(same(at(1), new MemoryTimestamp(1_764_000_001, 0))).toBe(true);
    expect(same(at(1), at(2))).toBe(false);
    expect(same({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(same(undefined, null)).toBe(true);
  });
});
