import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { decideDoc, decideEntry } from './decide-import';
import type { PlannedEntry } from './import-plan';

const r = (ms: number, node = 'ios-a') => `${String(ms).padStart(13, '0')}:0000:${node}`;
const exact = (rev: string, baseRev: string | null): PlannedEntry => ({
  collection: 'journal_entries',
  id: 'e',
  kind: 'exact',
  version: { title: 't', rev, baseRev, deviceId: 'ios-a' },
});
const migrated = (fields: Record<string, unknown>, physicalMs = 1_000): PlannedEntry => ({
  collection: 'journal_entries',
  id: 'e',
  kind: 'migrated',
  node: 'import-dayone',
  physicalMs,
  fields: { title: 'T', body: 'b', tags: [], mood: null, createdAt: 500, deletedAt: null, ...fields },
});

describe('decideEntry', () => {
  it('follows the push rule for a wellsync entry', () => {
    expect(decideEntry(exact(r(2), r(1)), null).outcome).toBe('new');
    expect(decideEntry(exact(r(2), r(1)), { rev: r(1), baseRev: null }).outcome).toBe('updated');
    expect(decideEntry(exact(r(2), r(1)), { rev: r(2), baseRev: r(1) })).toEqual({
      outcome: 'unchanged',
      version: null,
    });
    expect(decideEntry(exact(r(2), null), { rev: r(3, 'android-b'), baseRev: null }).outcome).toBe('conflicting');
  });

  it('treats a migrated entry like a device: new, unchanged, updated from its own version, or concurrent with a phone edit', () => {
    const first = decideEntry(migrated({}), null);
    expect(first.outcome).toBe('new');
    expect(first.version).toMatchObject({
      rev: r(1000, 'import-dayone'),
      baseRev: null,
      deviceId: 'import-dayone',
      createdAt: Timestamp.fromMillis(500),
      updatedAt: Timestamp.fromMillis(1000),
    });
    const cloud = { ...first.version!, syncedAt: Timestamp.fromMillis(9) };
    expect(decideEntry(migrated({}), cloud).outcome).toBe('unchanged');
    const edited = decideEntry(migrated({ body: 'changed' }, 2_000), cloud);
    expect(edited).toMatchObject({
      outcome: 'updated',
      version: { baseRev: r(1000, 'import-dayone'), rev: r(2000, 'import-dayone') },
    });
    // Same source time as the cloud's version: the counter moves on, so the new rev still sorts after.
    expect(decideEntry(migrated({ body: 'again' }, 1_000), cloud).version?.rev).toBe(
      '0000000001000:0001:import-dayone',
    );
    expect(decideEntry(migrated({ body: 'changed' }), { ...cloud, deviceId: 'ios-a', rev: r(5000) }).outcome).toBe(
      'conflicting',
    );
  });
});

describe('decideDoc', () => {
  const profile = (updatedAtMs: number, name = 'A') => ({
    displayName: name,
    updatedAt: Timestamp.fromMillis(updatedAtMs),
  });
  it('lets the newer profile or settings win, and adds other documents only when missing', () => {
    expect(decideDoc({ kind: 'profile', path: '', data: profile(2) }, null)).toBe('new');
    expect(decideDoc({ kind: 'profile', path: '', data: profile(2) }, profile(2))).toBe('unchanged');
    expect(decideDoc({ kind: 'profile', path: '', data: profile(3, 'B') }, profile(2))).toBe('updated');
    expect(decideDoc({ kind: 'settings', path: 'settings/sync', data: profile(1, 'B') }, profile(2))).toBe(
      'conflicting',
    );
    expect(decideDoc({ kind: 'devices', path: 'devices/d', data: { name: 'x' } }, { name: 'y' })).toBe('conflicting');
    expect(decideDoc({ kind: 'devices', path: 'devices/d', data: { name: 'x' } }, { name: 'x' })).toBe('unchanged');
  });
});
