import { describe, expect, it } from 'vitest';
import { encodeLocal } from './local-codec';
import { emptyLocalState, type LocalState } from './sync-client';
import {
  countUnsyncedChanges,
  describeErased,
  eraseLocalReplicas,
  NOTHING_ERASED,
  replicaName,
  replicaToKeep,
  type ReplicaDirectory,
} from './erase-local-replicas';
import { leaveErasedNote, takeErasedNote } from './erased-replicas-note';

const edit = (rev: string) => ({
  rev,
  baseRev: null,
  deviceId: 'web-a',
  deletedAt: null,
  title: 'Private',
  body: 'Journal text',
});

function stateWith(pending: Record<string, number>): LocalState {
  const state = emptyLocalState();
  let n = 0;
  for (const [id, count] of Object.entries(pending)) {
    state.docs.journal_entries[id] = {
      cloud: null,
      pending: Array.from({ length: count }, () => edit(`${String(++n).padStart(13, '0')}:0000:web-a`)),
    };
  }
  state.docs.mood_entries.m1 = { cloud: edit('0000000000099:0000:web-a'), pending: [] };
  return state;
}

/** An in-memory stand-in for the browser's IndexedDB; `locked` names fail to erase, `garbled` fail to read. */
function fakeDirectory(databases: Record<string, unknown>, { locked = [] as string[], garbled = [] as string[] } = {}) {
  const held = new Map(Object.entries(databases));
  const directory: ReplicaDirectory = {
    list: async () => [...held.keys()],
    read: async (name) => {
      if (garbled.includes(name)) throw new Error('unreadable');
      return held.get(name) ?? null;
    },
    erase: async (name) => {
      if (locked.includes(name)) throw new Error('blocked');
      held.delete(name);
    },
  };
  return { directory, held };
}

describe('eraseLocalReplicas', () => {
  const mine = replicaName('u1', 'web-now');
  const older = replicaName('u1', 'web-old');
  const otherUser = replicaName('u2', 'web-x');

  it('erases every wellsync replica but the live one, and counts the edits it discards', async () => {
    const { directory, held } = fakeDirectory({
      [mine]: encodeLocal(stateWith({ a: 1 })),
      [older]: encodeLocal(stateWith({ b: 2, c: 1 })),
      [otherUser]: encodeLocal(stateWith({ d: 1 })),
      'some-other-app': { keep: true },
    });
    const erased = await eraseLocalReplicas(directory, { keep: mine });
    expect(erased).toEqual({ erased: 2, unsyncedChanges: 4, unreadable: 0, failed: 0 });
    expect([...held.keys()].sort()).toEqual([mine, 'some-other-app'].sort());
  });

  it('erases the live replica too when nothing is kept (the session ended)', async () => {
    const { directory, held } = fakeDirectory({ [mine]: encodeLocal(stateWith({ a: 3 })), [older]: null });
    expect(await eraseLocalReplicas(directory)).toEqual({ erased: 2, unsyncedChanges: 3, unreadable: 0, failed: 0 });
    expect(held.size).toBe(0);
  });

  it('still erases what it cannot read, and goes on past what it cannot erase', async () => {
    const { directory, held } = fakeDirectory(
      { [mine]: encodeLocal(stateWith({ a: 1 })), [older]: {}, [otherUser]: encodeLocal(stateWith({ d: 2 })) },
      { garbled: [older], locked: [mine] },
    );
    expect(await eraseLocalReplicas(directory)).toEqual({ erased: 2, unsyncedChanges: 3, unreadable: 1, failed: 1 });
    expect([...held.keys()]).toEqual([mine]);
  });

  it('finds nothing to do in a browser that never synced', async () => {
    expect(await eraseLocalReplicas(fakeDirectory({}).directory)).toEqual(NOTHING_ERASED);
  });
});

describe('countUnsyncedChanges', () => {
  it.each([
    ['nothing saved', null, 0],
    ['an empty state', encodeLocal(emptyLocalState()), 0],
    ['queued edits across entries', encodeLocal(stateWith({ a: 2, b: 1 })), 3],
    ['a shape from another release', { docs: { journal_entries: { a: { pending: 'x' } }, mood_entries: 7 } }, 0],
    ['not an object', 'state', 0],
  ])('%s', (_label, raw, expected) => {
    expect(countUnsyncedChanges(raw)).toBe(expected);
  });
});

describe('replicaToKeep', () => {
  const session = { uid: 'u1', deviceId: 'web-now' };
  it.each([
    ['a live session visiting sign-in keeps its own replica', session, null, replicaName('u1', 'web-now')],
    ['a revoked session keeps nothing', session, 'revoked' as const, null],
    ['an expired session keeps nothing', session, 'expired' as const, null],
    ['no session keeps nothing', null, null, null],
  ])('%s', (_label, current, reason, expected) => {
    expect(replicaToKeep(current, reason)).toBe(expected);
  });
});

describe('describeErased', () => {
  it('says nothing when nothing typed was lost', () => {
    expect(describeErased(NOTHING_ERASED)).toBeNull();
    expect(describeErased({ ...NOTHING_ERASED, erased: 3 })).toBeNull();
  });

  it('gives the number of discarded changes, singular and plural', () => {
    expect(describeErased({ ...NOTHING_ERASED, erased: 1, unsyncedChanges: 1 })?.title).toBe(
      '1 unsynced change was discarded from this browser',
    );
    expect(describeErased({ ...NOTHING_ERASED, erased: 1, unsyncedChanges: 4 })?.title).toBe(
      '4 unsynced changes were discarded from this browser',
    );
  });

  it('admits what it could not count or delete', () => {
    expect(describeErased({ ...NOTHING_ERASED, unreadable: 1 })?.title).toMatch(/may have been discarded/);
    expect(describeErased({ ...NOTHING_ERASED, failed: 1 })).toMatchObject({
      tone: 'error',
      detail: expect.stringContaining('reload this page'),
    });
  });

  it('never repeats entry text', () => {
    const message = describeErased({ ...NOTHING_ERASED, unsyncedChanges: 2, failed: 1 });
    expect(JSON.stringify(message)).not.toMatch(/Private|Journal text/);
  });
});

describe('the note a leaving tab hands to the sign-in page', () => {
  function memoryStorage() {
    const items = new Map<string, string>();
    return {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
      items,
    };
  }

  it('adds up, is read once, and holds only numbers', () => {
    const storage = memoryStorage();
    leaveErasedNote(storage, { erased: 1, unsyncedChanges: 2, unreadable: 0, failed: 0 });
    leaveErasedNote(storage, { erased: 1, unsyncedChanges: 1, unreadable: 1, failed: 0 });
    expect([...storage.items.values()].join()).not.toMatch(/[a-z]{3,}:/i);
    expect(takeErasedNote(storage)).toEqual({ erased: 2, unsyncedChanges: 3, unreadable: 1, failed: 0 });
    expect(takeErasedNote(storage)).toEqual(NOTHING_ERASED);
  });

  it('ignores a garbled or forged note', () => {
    const storage = memoryStorage();
    storage.setItem('wellsync-erased-replicas', '{"unsyncedChanges":-5,"erased":"9"');
    expect(takeErasedNote(storage)).toEqual(NOTHING_ERASED);
    storage.setItem('wellsync-erased-replicas', '{"unsyncedChanges":-5,"erased":"9","failed":1.5}');
    expect(takeErasedNote(storage)).toEqual(NOTHING_ERASED);
  });
});
