import { describe, expect, it } from 'vitest';
import { MemoryTimestamp } from '@/tests/helpers/memory-cloud';
import { tryMergeConflict } from './try-merge-conflict';

const at = (s: number) => new MemoryTimestamp(1_764_000_000 + s, 0);
const rev = (ms: number, device: string) => `${1_764_000_000_000 + ms}:0000:${device}`;
const base = {
  title: 'Walk',
  body: 'To the sea.\n',
  tags: ['calm'],
  mood: 3,
  createdAt: at(0),
  updatedAt: at(0),
  deletedAt: null,
  rev: rev(0, 'ios-a'),
  baseRev: null,
  deviceId: 'ios-a',
};
const loser = { ...base, body: 'To the sea.\nCold.\n', updatedAt: at(10), rev: rev(10, 'ios-a'), baseRev: base.rev };
// The cloud moved on after the conflict: the winner, then another edit built on it.
const current = {
  ...base,
  title: 'Walk 🌊',
  mood: 4,
  updatedAt: at(30),
  rev: rev(30, 'web-b'),
  baseRev: rev(20, 'web-b'),
  deviceId: 'web-b',
  syncedAt: at(31),
};
const conflict = { collection: 'journal_entries' as const, data: loser, base, resolvedAt: null };

describe('tryMergeConflict', () => {
  it('merges the loser into the current version from the recorded base', () => {
    expect(tryMergeConflict(conflict, current)).toEqual({
      ok: true,
      fields: {
        title: 'Walk 🌊',
        body: 'To the sea.\nCold.\n',
        tags: ['calm'],
        mood: 4,
        createdAt: at(0),
        updatedAt: at(30),
        deletedAt: null,
      },
    });
  });

  it('says why it cannot', () => {
    expect(tryMergeConflict({ ...conflict, base: null }, current)).toEqual({ ok: false, reason: 'no-base' });
    expect(tryMergeConflict({ ...conflict, resolvedAt: at(40) }, current)).toEqual({
      ok: false,
      reason: 'already-resolved',
    });
    expect(tryMergeConflict(conflict, null)).toEqual({ ok: false, reason: 'no-cloud-version' });
    const lake = { ...conflict, data: { ...loser, body: 'To the lake.\n' } };
    expect(tryMergeConflict(lake, { ...current, body: 'To the hills.\n' })).toEqual({
      ok: false,
      reason: 'changed-on-both-sides',
      field: 'body',
    });
    expect(tryMergeConflict(conflict, { ...current, deletedAt: at(30) })).toEqual({ ok: false, reason: 'tombstone' });
  });
});
