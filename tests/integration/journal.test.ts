import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { JOURNAL_ENTRIES } from '@/lib/contract/paths';
import { withReadMeter } from '@/lib/firebase/metered';
import { userCollection } from '@/lib/firebase/refs';
import { getJournalEntry } from '@/lib/journal/get-journal-entry';
import { listJournalEntries } from '@/lib/journal/list-journal-entries';
import { listJournalTags } from '@/lib/journal/list-journal-tags';
import { searchJournal } from '@/lib/journal/search-journal';
import { endOfDay, startOfDay } from '@/lib/time/zoned';
import { createTestUser, putJournalEntry } from '../helpers/users';

const DAY = 86_400_000;
const base = Date.parse('2025-01-01T12:00:00Z');

async function journalOf(count: number) {
  const user = await createTestUser({ timezone: 'Europe/Berlin' });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      await putJournalEntry(user, {
        title: `Day ${i}`,
        body: `Entry number ${i}`,
        tags: i % 3 === 0 ? ['walk'] : ['work'],
        createdAtMs: base + i * DAY,
      }),
    );
  }
  return { user, ids };
}

describe('listJournalEntries', () => {
  it('pages newest first with cursors, each entry exactly once, reads in proportion to the page', async () => {
    const { user, ids } = await journalOf(45);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const { result, reads } = await withReadMeter(() => listJournalEntries(user, { cursor, pageSize: 20 }));
      expect(reads).toBeLessThanOrEqual(21);
      seen.push(...result.entries.map((e) => e.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('filters by tag and by local date range', async () => {
    const { user } = await journalOf(12);
    const walks = await listJournalEntries(user, { tag: 'walk' });
    expect(walks.entries.map((e) => e.title)).toEqual(['Day 9', 'Day 6', 'Day 3', 'Day 0']);
    const range = await listJournalEntries(user, {
      fromMs: startOfDay('2025-01-03', 'Europe/Berlin'),
      toMs: endOfDay('2025-01-05', 'Europe/Berlin'),
    });
    expect(range.entries.map((e) => e.title)).toEqual(['Day 4', 'Day 3', 'Day 2']);
    const both = await listJournalEntries(user, { tag: 'walk', fromMs: startOfDay('2025-01-03', 'Europe/Berlin') });
    expect(both.entries.map((e) => e.title)).toEqual(['Day 9', 'Day 6', 'Day 3']);
  });

  it('hides tombstones and reports malformed documents without failing', async () => {
    const user = await createTestUser();
    await putJournalEntry(user, { title: 'kept', createdAtMs: base });
    await putJournalEntry(user, { title: 'deleted', createdAtMs: base + 1, deletedAtMs: base + 2 });
    const broken = await putJournalEntry(user, {
      title: 'broken',
      createdAtMs: base + 3,
      extra: { tags: 'not-a-list' },
    });
    const page = await listJournalEntries(user);
    expect(page.entries.map((e) => e.title)).toEqual(['kept']);
    expect(page.skipped).toEqual([
      { path: `users/${user.uid}/journal_entries/${broken}`, problems: [expect.stringMatching(/^tags:/)] },
    ]);
  });

  it('ignores a forged cursor', async () => {
    const { user } = await journalOf(3);
    const page = await listJournalEntries(user, { cursor: 'bm90LWpzb24' });
    expect(page.entries).toHaveLength(3);
  });
});

describe('getJournalEntry', () => {
  it('finds only the caller\u2019s own, live entries', async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const id = await putJournalEntry(alice, { title: 'mine' });
    expect((await getJournalEntry(alice, id))?.title).toBe('mine');
    expect(await getJournalEntry(bob, id)).toBeNull();
    await userCollection(alice, JOURNAL_ENTRIES).doc(id).update({ deletedAt: Timestamp.now() });
    expect(await getJournalEntry(alice, id)).toBeNull();
    await expect(getJournalEntry(alice, '../../users/x')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('searchJournal', () => {
  it('matches words in titles, bodies and tags by prefix, ignoring case and accents', async () => {
    const user = await createTestUser();
    await putJournalEntry(user, {
      title: 'Café morning',
      body: 'Felt **anxious** before the meeting.',
      tags: ['work'],
      createdAtMs: base,
    });
    await putJournalEntry(user, {
      title: 'Lighthouse',
      body: 'A walk to the coast.',
      tags: ['outdoors'],
      createdAtMs: base + DAY,
    });
    await putJournalEntry(user, {
      title: 'Gone',
      body: 'anxious but deleted',
      createdAtMs: base + 2 * DAY,
      deletedAtMs: base + 3 * DAY,
    });
    const titles = async (q: string) => (await searchJournal(user, q)).entries.map((e) => e.title);
    expect(await titles('anx')).toEqual(['Café morning']);
    expect(await titles('CAFE')).toEqual(['Café morning']);
    expect(await titles('outdoors')).toEqual(['Lighthouse']);
    expect(await titles('walk coast')).toEqual(['Lighthouse']);
    expect(await titles('walk meeting')).toEqual([]);
    const result = await searchJournal(user, 'anxious');
    expect(result.entries[0]?.excerpt).toContain('anxious');
    expect(result.queryTokens).toEqual(['anxious']);
  });

  it('sees new, edited and deleted entries on the next search, paying only for the change', async () => {
    const { user } = await journalOf(60);
    await searchJournal(user, 'entry'); // builds the view
    const warm = await withReadMeter(() => searchJournal(user, 'number', { pageSize: 5 }));
    // meta + the empty change query + the 5 entries shown: the 60-entry journal is not read again.
    expect(warm.reads).toBe(7);
    expect(warm.result.total).toBe(60);

    const id = await putJournalEntry(user, {
      title: 'Heron by the river',
      body: 'still as a statue',
      createdAtMs: base + 100 * DAY,
    });
    const afterAdd = await withReadMeter(() => searchJournal(user, 'heron'));
    expect(afterAdd.result.entries.map((e) => e.id)).toEqual([id]);
    expect(afterAdd.reads).toBeLessThanOrEqual(4);

    await putJournalEntry(user, {
      id,
      title: 'Egret by the river',
      body: 'still as a statue',
      createdAtMs: base + 100 * DAY,
    });
    expect((await searchJournal(user, 'heron')).total).toBe(0);
    expect((await searchJournal(user, 'egret')).total).toBe(1);

    await userCollection(user, JOURNAL_ENTRIES)
      .doc(id)
      .update({ deletedAt: Timestamp.now(), syncedAt: Timestamp.now() });
    expect((await searchJournal(user, 'egret')).total).toBe(0);
  });

  it('pages search results with a cursor', async () => {
    const { user } = await journalOf(25);
    const first = await searchJournal(user, 'entry', { pageSize: 10 });
    const second = await searchJournal(user, 'entry', { pageSize: 10, cursor: first.nextCursor! });
    const third = await searchJournal(user, 'entry', { pageSize: 10, cursor: second.nextCursor! });
    const all = [...first.entries, ...second.entries, ...third.entries].map((e) => e.title);
    expect(all).toEqual(Array.from({ length: 25 }, (_, i) => `Day ${24 - i}`));
    expect(third.nextCursor).toBeNull();
  });

  it('filters by tag and date inside search', async () => {
    const { user } = await journalOf(10);
    const result = await searchJournal(user, 'entry', { tag: 'walk', fromMs: base + 2 * DAY });
    expect(result.entries.map((e) => e.title)).toEqual(['Day 9', 'Day 6', 'Day 3']);
  });

  it('lists tags with counts from the view', async () => {
    const { user } = await journalOf(6);
    expect(await listJournalTags(user)).toEqual([
      { tag: 'work', count: 4 },
      { tag: 'walk', count: 2 },
    ]);
  });
});
