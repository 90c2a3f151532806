import { describe, expect, it } from 'vitest';
import { MemoryFirestore, memoryCloud, MemoryTimestamp, type Fault } from '@/tests/helpers/memory-cloud';
import { conflictIdFor } from './decide-push';
import { memoryStore } from './stores/memory-store';
import { SyncClient } from './sync-client';
import type { EntryVersion, MergeContext } from './types';

/** The automatic merge inside the push transaction (docs/contract.md, "Automatic merge"; docs/sync.md, "Merging"). */
const UID = 'u1';
const PATH = `users/${UID}/journal_entries/e1`;
const at = (s: number) => new MemoryTimestamp(1_764_000_000 + s, 0);
const rev = (ms: number, device: string) => `${1_764_000_000_000 + ms}:0000:${device}`;
const base: EntryVersion = {
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
const edit = (ms: number, device: string, fields: Record<string, unknown>): EntryVersion => ({
  ...base,
  ...fields,
  updatedAt: at(ms),
  rev: rev(ms, device),
  baseRev: base.rev,
  deviceId: device,
});

function setup() {
  const db = new MemoryFirestore();
  const network = { offline: false, nextFault: null as Fault };
  const cloud = memoryCloud(db, UID, network);
  let stamped = 100;
  const merge: MergeContext = { base, stamp: () => rev(++stamped, 'ios-a') };
  const conflicts = () => db.entries(`users/${UID}/conflicts/`).map(([, c]) => c);
  return { db, network, cloud, merge, conflicts };
}

async function withCloud(version: EntryVersion) {
  const s = setup();
  await s.cloud.pushEntry('journal_entries', 'e1', base);
  await s.cloud.pushEntry('journal_entries', 'e1', version);
  return s;
}

describe('pushing with the base: the automatic merge', () => {
  it('writes the merged version after both revs, and the loser whole to conflicts, resolved', async () => {
    const web = edit(20, 'web-b', { mood: 5 });
    const { db, cloud, merge, conflicts } = await withCloud(web);
    const phone = edit(10, 'ios-a', { body: 'To the sea.\nCold.\n' });
    const result = await cloud.pushEntry('journal_entries', 'e1', phone, merge);

    expect(result).toMatchObject({ decision: 'merged', mergedRev: rev(101, 'ios-a'), reads: 2, writes: 2 });
    expect(db.docs.get(PATH)).toMatchObject({
      body: 'To the sea.\nCold.\n',
      mood: 5,
      rev: rev(101, 'ios-a'),
      baseRev: web.rev,
      deviceId: 'ios-a',
      updatedAt: at(20),
    });
    // The phone's rev is the smaller: it is the loser, kept whole with the base, and already resolved.
    const [conflict] = conflicts();
    expect(conflict).toMatchObject({
      rev: phone.rev,
      deviceId: 'ios-a',
      data: phone,
      base,
      mergedRev: rev(101, 'ios-a'),
      resolution: 'auto-merged',
    });
    expect(conflict!.resolvedAt).toEqual(conflict!.detectedAt);
    expect(result.conflictId).toBe(await conflictIdFor('journal_entries', 'e1', phone.rev));
  });

  it('keeps the cloud version as the loser when the device has the greater rev', async () => {
    const web = edit(10, 'web-b', { mood: 5 });
    const { db, cloud, merge, conflicts } = await withCloud(web);
    await cloud.pushEntry('journal_entries', 'e1', edit(20, 'ios-a', { title: 'Walk 🌊' }), merge);
    expect(db.docs.get(PATH)).toMatchObject({ title: 'Walk 🌊', mood: 5, baseRev: web.rev });
    expect(conflicts()).toEqual([
      expect.objectContaining({
        rev: web.rev,
        deviceId: 'web-b',
        data: expect.objectContaining({ mood: 5, syncedAt: expect.anything() }),
      }),
    ]);
  });

  it('records an open conflict with the base when the merge fails, and the greater rev wins', async () => {
    const web = edit(20, 'web-b', { body: 'To the lake.\n' });
    const { db, cloud, merge, conflicts } = await withCloud(web);
    const phone = edit(10, 'ios-a', { body: 'To the hills.\n' });
    expect(await cloud.pushEntry('journal_entries', 'e1', phone, merge)).toMatchObject({
      decision: 'cloud-wins',
      mergedRev: null,
    });
    expect(db.docs.get(PATH)).toMatchObject({ body: 'To the lake.\n', rev: web.rev });
    expect(conflicts()).toEqual([
      expect.objectContaining({ rev: phone.rev, base, resolvedAt: null, resolution: null }),
    ]);
    expect(conflicts()[0]).not.toHaveProperty('mergedRev');
  });

  it('never merges a delete', async () => {
    const web = edit(20, 'web-b', { deletedAt: at(20) });
    const { db, cloud, merge, conflicts } = await withCloud(web);
    expect(await cloud.pushEntry('journal_entries', 'e1', edit(10, 'ios-a', { mood: 1 }), merge)).toMatchObject({
      decision: 'cloud-wins',
    });
    expect(db.docs.get(PATH)?.deletedAt).toEqual(at(20));
    expect(conflicts()).toHaveLength(1);
  });

  it('keeps the old rule without the base, or with a base that is not the edit’s', async () => {
    const web = edit(20, 'web-b', { mood: 5 });
    const { cloud, merge, conflicts } = await withCloud(web);
    expect(await cloud.pushEntry('journal_entries', 'e1', edit(10, 'ios-a', { title: 'x' }))).toMatchObject({
      decision: 'cloud-wins',
    });
    expect(
      await cloud.pushEntry('journal_entries', 'e1', edit(11, 'ios-a', { title: 'y' }), { ...merge, base: web }),
    ).toMatchObject({ decision: 'cloud-wins' });
    expect(conflicts().map((c) => c.base ?? null)).toEqual([null, null]);
  });
});

describe('a retry after an ambiguous commit writes nothing twice', () => {
  const snapshot = (db: MemoryFirestore) => JSON.stringify([...db.docs].sort(([a], [b]) => (a < b ? -1 : 1)));

  it('when the pushed version lost and was merged', async () => {
    const { db, network, cloud, merge, conflicts } = await withCloud(edit(20, 'web-b', { mood: 5 }));
    const phone = edit(10, 'ios-a', { title: 'Walk 🌊' });
    network.nextFault = 'after-commit';
    await expect(cloud.pushEntry('journal_entries', 'e1', phone, merge)).rejects.toMatchObject({
      code: 'deadline-exceeded',
    });
    const before = snapshot(db);
    const retry = await cloud.pushEntry('journal_entries', 'e1', phone, merge);
    expect(retry).toMatchObject({ decision: 'already-applied', mergedRev: rev(101, 'ios-a'), writes: 0 });
    expect(snapshot(db)).toBe(before);
    expect(conflicts()).toHaveLength(1);
  });

  it('when the pushed version won and was merged: the cloud is its merge, based on the loser', async () => {
    const { db, network, cloud, merge, conflicts } = await withCloud(edit(10, 'web-b', { mood: 5 }));
    const phone = edit(20, 'ios-a', { title: 'Walk 🌊' });
    network.nextFault = 'after-commit';
    await expect(cloud.pushEntry('journal_entries', 'e1', phone, merge)).rejects.toMatchObject({
      code: 'deadline-exceeded',
    });
    const before = snapshot(db);
    const retry = await cloud.pushEntry('journal_entries', 'e1', phone, merge);
    expect(retry).toMatchObject({ decision: 'already-applied', mergedRev: rev(101, 'ios-a'), reads: 3, writes: 0 });
    expect(snapshot(db)).toBe(before);
    expect(conflicts()).toHaveLength(1);
    expect(db.history.get(PATH)?.map((h) => h.rev)).toEqual([base.rev, rev(10, 'web-b'), rev(101, 'ios-a')]);
  });

  it('but merges again when the user changed the version after the lost answer', async () => {
    const { db, network, cloud, merge } = await withCloud(edit(10, 'web-b', { mood: 5 }));
    network.nextFault = 'after-commit';
    await expect(
      cloud.pushEntry('journal_entries', 'e1', edit(20, 'ios-a', { title: 'Walk 🌊' }), merge),
    ).rejects.toBeTruthy();
    const changed = edit(200, 'ios-a', { title: 'Walk 🌊', body: 'To the sea.\nSwam.\n' });
    expect(await cloud.pushEntry('journal_entries', 'e1', changed, merge)).toMatchObject({ decision: 'merged' });
    expect(db.docs.get(PATH)).toMatchObject({ title: 'Walk 🌊', body: 'To the sea.\nSwam.\n', mood: 5 });
  });
});

describe('the sync client merges, and reports it', () => {
  const device = (id: string) => ({ id, platform: 'ios' as const, appVersion: '3.3.0', name: id });

  async function twoDevices(canMerge: boolean) {
    const db = new MemoryFirestore();
    const net = () => ({ offline: false, nextFault: null as Fault });
    let time = 1_764_000_000_000;
    const open = (id: string, merges: boolean) =>
      SyncClient.open({
        device: device(id),
        cloud: memoryCloud(db, UID, net()),
        store: memoryStore(),
        now: () => time,
        canMerge: merges,
      });
    const [phone, other] = [await open('ios-a', canMerge), await open('ios-b', true)];
    await phone.edit('journal_entries', 'e1', {
      title: 'Walk',
      body: 'To the sea.\n',
      tags: [],
      mood: null,
      createdAt: at(0),
    });
    await phone.sync();
    await other.sync();
    time += 10;
    await phone.edit('journal_entries', 'e1', { body: 'To the sea.\nCold.\n' });
    time += 10;
    await other.edit('journal_entries', 'e1', { title: 'Walk 🌊' });
    await other.sync();
    const report = await phone.sync();
    await other.sync();
    return { db, phone, other, report };
  }

  it('merges a concurrent edit of other fields, counts it, and every device converges', async () => {
    const { db, phone, other, report } = await twoDevices(true);
    expect(report).toMatchObject({ status: 'ok', conflicts: 1, merged: 1 });
    expect(db.docs.get(PATH)).toMatchObject({ title: 'Walk 🌊', body: 'To the sea.\nCold.\n' });
    expect(phone.get('journal_entries', 'e1')).toEqual(other.get('journal_entries', 'e1'));
    const events = db.entries(`users/${UID}/sync_events/`).map(([, e]) => e);
    expect(events.filter((e) => e.deviceId === 'ios-a').map((e) => e.merged)).toEqual([0, 1]);
  });

  it('an older release keeps the old rule and sends no merged count', async () => {
    const { db, report } = await twoDevices(false);
    expect(report).toMatchObject({ status: 'ok', conflicts: 1, merged: 0 });
    expect(db.docs.get(PATH)).toMatchObject({ title: 'Walk 🌊', body: 'To the sea.\n' });
    const events = db.entries(`users/${UID}/sync_events/`).map(([, e]) => e);
    expect(events.filter((e) => e.deviceId === 'ios-a').every((e) => !('merged' in e))).toBe(true);
  });
});
