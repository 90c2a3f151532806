import { describe, expect, it } from 'vitest';
import { MemoryTimestamp } from '@/tests/helpers/memory-cloud';
import { mergeEntry } from '@/lib/sync/merge/merge-entry';
import { revertSetAside } from './revert-set-aside';

const at = (s: number) => new MemoryTimestamp(1_764_000_000 + s, 0);
const rev = (ms: number, device: string) => `${1_764_000_000_000 + ms}:0000:${device}`;
const base = {
  title: 'Walk',
  body: 'To the see.\nHome.\n',
  tags: ['calm'],
  mood: 3,
  createdAt: at(0),
  updatedAt: at(0),
  deletedAt: null,
  rev: rev(0, 'ios-a'),
  baseRev: null,
  deviceId: 'ios-a',
};
// One phone fixed the typo and added a tag; the other appended a closing line and changed the mood.
const setAside = {
  ...base,
  body: 'To the sea.\nHome.\n',
  tags: ['calm', 'sea'],
  updatedAt: at(10),
  rev: rev(10, 'ios-a'),
  baseRev: base.rev,
};
const winner = {
  ...base,
  body: 'To the see.\nHome.\nSlept well.\n',
  mood: 4,
  updatedAt: at(20),
  rev: rev(20, 'android-b'),
  baseRev: base.rev,
  deviceId: 'android-b',
};
const merge = (() => {
  const outcome = mergeEntry('journal_entries', base, setAside, winner);
  if (!outcome.ok) throw new Error('the fixture must merge');
  return { ...outcome.fields, rev: rev(21, 'android-b'), baseRev: winner.rev, deviceId: 'android-b' };
})();
const conflict = {
  collection: 'journal_entries' as const,
  data: setAside,
  base,
  resolution: 'auto-merged' as const,
  mergedRev: merge.rev,
};

describe('revertSetAside', () => {
  it('rebuilds the side that won from the merge, by taking the set-aside changes back out', () => {
    const outcome = revertSetAside(conflict, merge);
    expect(outcome).toMatchObject({ ok: true, fields: { title: 'Walk', body: winner.body, tags: ['calm'], mood: 4 } });
  });

  it('keeps edits made after the merge', () => {
    const later = { ...merge, title: 'Walk by the sea', rev: rev(40, 'web-c'), baseRev: merge.rev };
    expect(revertSetAside(conflict, later)).toMatchObject({
      ok: true,
      fields: { title: 'Walk by the sea', body: winner.body, mood: 4 },
    });
  });

  it('refuses what it cannot undo', () => {
    expect(revertSetAside({ ...conflict, resolution: 'restored' }, merge)).toEqual({
      ok: false,
      reason: 'not-auto-merged',
    });
    expect(revertSetAside({ ...conflict, base: null }, merge)).toEqual({ ok: false, reason: 'not-auto-merged' });
    expect(revertSetAside(conflict, null)).toEqual({ ok: false, reason: 'no-cloud-version' });
    expect(revertSetAside(conflict, { ...merge, deletedAt: at(50) })).toEqual({ ok: false, reason: 'tombstone' });
    // Someone rewrote the fixed line after the merge: the set-aside fix can no longer be taken out on its own.
    const rewritten = {
      ...merge,
      body: 'To the bay.\nHome.\nSlept well.\n',
      rev: rev(40, 'web-c'),
      baseRev: merge.rev,
    };
    expect(revertSetAside(conflict, rewritten)).toEqual({ ok: false, reason: 'entangled' });
  });

  it('refuses a rebuilt winner that would not merge back into the merge the cloud holds', () => {
    // Here the set-aside side dropped a line the merge still has, which its changes cannot explain.
    const tampered = { ...merge, body: 'To the see.\nTo the sea.\nHome.\nSlept well.\n' };
    expect(revertSetAside(conflict, tampered)).toEqual({ ok: false, reason: 'entangled' });
    // Without the check (a later version), the same revert is accepted: the check is what refuses it.
    expect(revertSetAside(conflict, { ...tampered, rev: rev(40, 'web-c') }).ok).toBe(true);
  });
});
