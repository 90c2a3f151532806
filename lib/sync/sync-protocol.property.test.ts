import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clone, MemoryFirestore, memoryCloud, MemoryTimestamp, type Fault } from '@/tests/helpers/memory-cloud';
import { mergeEntry, same } from './merge/merge-entry';
import { emptyLocalState, SyncClient, visibleVersion, type LocalState } from './sync-client';
import { ENTRY_COLLECTIONS } from '@/lib/contract/paths';
import type { EntryVersion, SyncCollection } from './types';

/**
 * Zero data loss, by property: random schedules of three phones and the web editing, deleting, going offline,
 * syncing with skewed clocks, receiving live updates between syncs, and failing mid-push (before the commit, or after it, when the device cannot
 * know whether it landed). Edits change one field each (a title, a line appended, a tag, the mood), so that
 * concurrent edits often merge automatically; one phone runs an older release that cannot merge. After everyone
 * syncs, every replica equals the cloud, and every version a device was told was written is in the cloud's
 * history, in `conflicts`, or merged into a version of the cloud's history (proved by merging it in again, which
 * must change nothing); every version the cloud replaced was either the base of its successor or is in `conflicts`.
 *
 * A failure prints fast-check's seed and path; replay it with SYNC_PROPERTY_SEED=<seed> SYNC_PROPERTY_PATH=<path>.
 */
const DEVICES = ['ios-a', 'android-b', 'ios-c', 'web-d'] as const;
/** android-b runs a release from before automatic merging. */
const CAN_MERGE = [true, false, true, true];
const DOC_IDS = ['e1', 'e2', 'e3'];
const UID = 'u1';

type Op =
  | { kind: 'edit'; device: number; collection: number; doc: number; text: string; change: number }
  | { kind: 'delete'; device: number; collection: number; doc: number }
  | { kind: 'sync'; device: number }
  | { kind: 'offline'; device: number; offline: boolean }
  | { kind: 'fault'; device: number; fault: Exclude<Fault, null> }
  | { kind: 'restart'; device: number }
  | { kind: 'listen'; device: number }
  | { kind: 'wait'; ms: number };

const device = fc.integer({ min: 0, max: DEVICES.length - 1 });
const target = {
  device,
  collection: fc.integer({ min: 0, max: 1 }),
  doc: fc.integer({ min: 0, max: DOC_IDS.length - 1 }),
};
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      ...target,
      text: fc.string({ maxLength: 8 }),
      change: fc.nat(4),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), ...target }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sync' as const), device }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), device, offline: fc.boolean() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('fault' as const),
      device,
      fault: fc.constantFrom('before-commit' as const, 'after-commit' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), device }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('listen' as const), device }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 120_000 }) }) },
);
const schedule = fc.record({
  skews: fc.array(fc.integer({ min: -600_000, max: 600_000 }), {
    minLength: DEVICES.length,
    maxLength: DEVICES.length,
  }),
  ops: fc.array(op, { minLength: 1, maxLength: 40 }),
});

async function play({ skews, ops }: { skews: number[]; ops: Op[] }) {
  const db = new MemoryFirestore();
  let time = 1_764_000_000_000;
  const networks = DEVICES.map(() => ({ offline: false, nextFault: null as Fault }));
  const disks = DEVICES.map((): { state: LocalState } => ({ state: emptyLocalState() }));
  const acknowledged = new Map<string, Set<string>>(); // doc path -> revs the device was told were pushed
  const created = new Map<string, Set<string>>(); // doc path -> every version a user made
  const replacedByUser = new Set<string>(); // versions the user saw and changed before they were pushed
  const mergedInto = new Map<string, string>(); // rev -> the rev of the automatic merge that holds it
  const versions = new Map<string, EntryVersion>(); // rev -> every version a user made, whole
  const note = (map: Map<string, Set<string>>, path: string, rev: string) => {
    if (!map.has(path)) map.set(path, new Set());
    map.get(path)!.add(rev);
  };
  const open = (i: number) => {
    const cloud = memoryCloud(db, UID, networks[i]!);
    const push = cloud.pushEntry;
    cloud.pushEntry = async (collection, id, version, merge) => {
      const result = await push(collection, id, version, merge);
      note(acknowledged, `users/${UID}/${collection}/${id}`, version.rev);
      if (result.mergedRev) mergedInto.set(version.rev, result.mergedRev);
      return result;
    };
    return SyncClient.open({
      device: {
        id: DEVICES[i]!,
        platform: DEVICES[i]!.startsWith('ios') ? 'ios' : DEVICES[i]!.startsWith('web') ? 'web' : 'android',
        appVersion: '3.2.1',
        name: DEVICES[i]!,
      },
      cloud,
      // A restart reloads what was saved: the outbox survives, anything in memory does not.
      store: { load: async () => clone(disks[i]!.state), save: async (state) => void (disks[i]!.state = clone(state)) },
      now: () => time + skews[i]!,
      canMerge: CAN_MERGE[i],
    });
  };
  const clients = await Promise.all(DEVICES.map((_, i) => open(i)));
  // Two of the three entries exist everywhere before the schedule starts, so edits of one entry on two devices
  // (what merging is for) are common; the third is created during it, so two devices may create it at once.
  for (const collection of ENTRY_COLLECTIONS) {
    for (const id of DOC_IDS.slice(0, 2)) {
      const version = await clients[0]!.edit(
        collection,
        id,
        fieldsFor(collection, { text: id, change: 0 }, null, time),
      );
      note(created, `users/${UID}/${collection}/${id}`, version.rev);
      versions.set(version.rev, clone(version));
    }
  }
  for (const client of clients) await client.sync();

  for (const step of ops) {
    time += 1;
    switch (step.kind) {
      case 'edit':
      case 'delete': {
        const collection = ENTRY_COLLECTIONS[step.collection]!;
        const id = DOC_IDS[step.doc]!;
        const client = clients[step.device]!;
        // What the user saw is what they changed: if it was their own unpushed edit, replacing it is theirs to do.
        const seen = client.get(collection, id);
        if (step.kind === 'delete' && !seen) break; // only what the device holds can be deleted
        if (seen) replacedByUser.add(seen.rev);
        const version =
          step.kind === 'delete'
            ? await client.remove(collection, id)
            : await client.edit(collection, id, fieldsFor(collection, step, seen, time));
        note(created, `users/${UID}/${collection}/${id}`, version.rev);
        versions.set(version.rev, clone(version));
        break;
      }
      case 'sync':
        await clients[step.device]!.sync();
        break;
      case 'offline':
        networks[step.device]!.offline = step.offline;
        break;
      case 'fault':
        networks[step.device]!.nextFault = step.fault;
        break;
      case 'restart':
        clients[step.device] = await open(step.device);
        break;
      case 'listen':
        // A snapshot listener delivers the cloud's current documents without a push first.
        if (networks[step.device]!.offline) break;
        for (const collection of ENTRY_COLLECTIONS) {
          for (const id of DOC_IDS) {
            const cloud = db.docs.get(`users/${UID}/${collection}/${id}`);
            if (cloud) await clients[step.device]!.receive(collection, id, clone(cloud) as never);
          }
        }
        break;
      case 'wait':
        time += step.ms;
        break;
    }
  }

  // Everyone comes online and syncs until quiet: twice round, so the last pushes reach every device.
  for (const network of networks) Object.assign(network, { offline: false, nextFault: null });
  for (let round = 0; round < 2; round++) {
    for (const client of clients) {
      const report = await client.sync();
      expect(report.status).toBe('ok');
    }
  }

  const conflicts = db.entries(`users/${UID}/conflicts/`).map(([, c]) => c);
  tally.conflicts += conflicts.length;
  tally.autoMerged += conflicts.filter((c) => c.resolution === 'auto-merged').length;
  const conflictRevs = (collection: string, id: string) =>
    new Set(conflicts.filter((c) => c.collection === collection && c.docId === id).map((c) => c.rev as string));
  expect(new Set(conflicts.map((c) => `${c.collection}/${c.docId}/${c.rev}`)).size).toBe(conflicts.length);

  for (const collection of ENTRY_COLLECTIONS) {
    for (const id of DOC_IDS) {
      const path = `users/${UID}/${collection}/${id}`;
      const cloud = db.docs.get(path);
      const losers = conflictRevs(collection, id);
      // Every replica equals the cloud.
      for (const client of clients) {
        const seen = client.get(collection, id);
        expect(strip(seen)).toEqual(strip(cloud ?? null));
      }
      // Every version the cloud replaced was the base of its successor, or is in conflicts.
      const history = db.history.get(path) ?? [];
      for (let i = 1; i < history.length; i++) {
        const replaced = history[i - 1]!.rev;
        if (replaced === history[i]!.rev) continue;
        expect(history[i]!.baseRev === replaced || losers.has(replaced)).toBe(true);
      }
      // Every acknowledged write reached the cloud or conflicts, or was merged into a version the cloud held; so did
      // every edit, unless its own author changed it again before it was pushed.
      const committed = new Set(history.map((h) => h.rev));
      const mergedIn = (rev: string) => {
        const into = history.find((h) => h.rev === mergedInto.get(rev));
        const mine = versions.get(rev);
        const base = history.find((h) => h.rev === mine?.baseRev);
        if (!into || !mine || !base) return false;
        // Merging it into that version again changes nothing: every change it made is there.
        const again = mergeEntry(collection, base, mine, into);
        return again.ok && Object.entries(again.fields).every(([field, value]) => same(value, into[field]));
      };
      for (const rev of acknowledged.get(path) ?? [])
        expect(committed.has(rev) || losers.has(rev) || mergedIn(rev)).toBe(true);
      for (const rev of created.get(path) ?? [])
        expect(committed.has(rev) || losers.has(rev) || replacedByUser.has(rev) || mergedIn(rev)).toBe(true);
    }
  }
  for (const client of clients) expect(client.pendingCount()).toBe(0);
  // With nothing pending, no base is kept (a body can be 100,000 characters).
  for (const disk of disks)
    for (const collection of ENTRY_COLLECTIONS)
      expect(Object.values(disk.state.docs[collection]).filter((d) => d.bases)).toEqual([]);
}

const tally = { conflicts: 0, autoMerged: 0 };

/** A complete entry on creation (the client validates every version against the contract), one change after. */
function fieldsFor(
  collection: SyncCollection,
  { text, change }: { text: string; change: number },
  seen: EntryVersion | null,
  time: number,
): Record<string, unknown> {
  const at = new MemoryTimestamp(Math.floor(time / 1000), 0);
  const toggle = (list: unknown) => {
    const item = `t${text.length % 4}`;
    const items = list as string[];
    return items.includes(item) ? items.filter((i) => i !== item) : [...items, item];
  };
  const score = (text.length % 5) + 1;
  if (collection === 'journal_entries') {
    if (!seen) return { title: text, body: `${text}!`, tags: [], mood: null, createdAt: at };
    return [
      { title: text },
      { body: `${seen.body as string}\n${text}` },
      { tags: toggle(seen.tags) },
      { mood: score },
      { title: text, body: `${text}!` },
    ][change]!;
  }
  if (!seen) return { score: 3, note: text, emotions: [], activities: [], recordedAt: at };
  return [
    { score },
    { note: `${(seen.note as string | null) ?? ''}\n${text}` },
    { emotions: toggle(seen.emotions) },
    { activities: toggle(seen.activities) },
    { note: text },
  ][change]!;
}

function strip(version: EntryVersion | Record<string, unknown> | null) {
  if (!version) return null;
  const { syncedAt: _s, ...rest } = version as Record<string, unknown>;
  return JSON.parse(JSON.stringify(rest));
}

describe('the sync protocol never loses a write', () => {
  it('over 10,000 random schedules of three phones and the web', async () => {
    const seed = process.env.SYNC_PROPERTY_SEED ? Number(process.env.SYNC_PROPERTY_SEED) : undefined;
    await fc.assert(fc.asyncProperty(schedule, play), {
      numRuns: 10_000,
      seed,
      path: process.env.SYNC_PROPERTY_PATH,
      endOnFailure: true,
    });
    console.info(
      `sync property: ${tally.conflicts} conflicts, ${tally.autoMerged} merged automatically (${((100 * tally.autoMerged) / tally.conflicts).toFixed(1)}%)`,
    );
    // Merging is on: a protocol that never merged would pass every check above.
    expect(tally.autoMerged / tally.conflicts).toBeGreaterThan(0.1);
  }, 600_000);

  it('keeps the loser of a concurrent edit in conflicts, whole', async () => {
    const db = new MemoryFirestore();
    const net = { offline: false, nextFault: null as Fault };
    const store = () => ({ load: async () => null, save: async () => undefined });
    let time = 1_764_000_000_000;
    const phone = await SyncClient.open({
      device: { id: 'ios-a', platform: 'ios', appVersion: '3.2.1', name: 'a' },
      cloud: memoryCloud(db, UID, net),
      store: store(),
      now: () => time,
    });
    const web = await SyncClient.open({
      device: { id: 'web-b', platform: 'web', appVersion: '0.1.0', name: 'b' },
      cloud: memoryCloud(db, UID, net),
      store: store(),
      now: () => time,
    });
    await phone.edit('journal_entries', 'e1', {
      title: 'Original',
      body: 'v1',
      tags: [],
      mood: null,
      createdAt: new MemoryTimestamp(1_764_000_000, 0),
    });
    await phone.sync();
    await web.sync();
    time += 10;
    await phone.edit('journal_entries', 'e1', { body: 'phone text' });
    time += 10;
    await web.edit('journal_entries', 'e1', { body: 'web text' });
    await phone.sync();
    await web.sync();
    await phone.sync();
    expect(db.docs.get('users/u1/journal_entries/e1')?.body).toBe('web text');
    const [conflict] = db.entries('users/u1/conflicts/').map(([, c]) => c);
    expect(conflict).toMatchObject({
      collection: 'journal_entries',
      docId: 'e1',
      deviceId: 'ios-a',
      resolvedAt: null,
      data: { title: 'Original', body: 'phone text', deviceId: 'ios-a' },
    });
    expect(visibleVersion({ cloud: null, pending: [] })).toBeNull();
    expect(phone.get('journal_entries', 'e1')?.body).toBe('web text');
  });
});
