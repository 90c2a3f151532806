import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DERIVED_VIEWS,
  readDerivedView,
  resetDerivedView,
  type DerivedViewSpec,
} from '@/lib/derived-views/derived-view';
import { userCollection, userRef } from '@/lib/firebase/refs';
import { listJournalTags } from '@/lib/journal/list-journal-tags';
import { getMoodHistory } from '@/lib/mood/get-mood-history';
import { useIsolatedProject } from '../helpers/isolated-project';
import { putJournalEntry, putMoodEntry } from '../helpers/users';

beforeAll(async () => {
  await useIsolatedProject();
});

type Rec = { s: number };
const spec = (version = 1): DerivedViewSpec<Rec> => ({
  name: 'test-view',
  version,
  collection: 'mood_entries',
  toRecord: (data) => (data.deletedAt ? null : { s: data.score as number }),
});

describe('derived views', () => {
  it('converges under concurrent refreshes: nothing lost, nothing doubled', async () => {
    const user = { uid: 'concurrent-user' };
    for (let i = 0; i < 30; i++)
      await putMoodEntry(user, { recordedAtMs: Date.UTC(2025, 0, 1 + i), score: (i % 5) + 1 });
    const writes = Array.from({ length: 20 }, (_, i) =>
      putMoodEntry(user, { recordedAtMs: Date.UTC(2025, 2, 1 + i), score: 3 }),
    );
    const reads = Array.from({ length: 8 }, () => readDerivedView(user, spec()));
    await Promise.all([...writes, ...reads]);
    const final = await readDerivedView(user, spec());
    expect(final.size).toBe(50);
    const chunks = await userCollection(user, DERIVED_VIEWS).doc('test-view').collection('chunks').get();
    const meta = (await userCollection(user, DERIVED_VIEWS).doc('test-view').get()).data()!;
    // Losers of the race cleaned up after themselves: only the chunks the meta document lists remain.
    expect(chunks.docs.map((d) => d.id).sort()).toEqual((meta.chunks as { id: string }[]).map((c) => c.id).sort());
  });

  it('rebuilds from scratch when its version changes, and after a reset', async () => {
    const user = { uid: 'versioned-user' };
    for (let i = 0; i < 5; i++) await putMoodEntry(user, { recordedAtMs: Date.UTC(2025, 0, 1 + i), score: 2 });
    expect((await readDerivedView(user, spec(1))).size).toBe(5);
    expect([...(await readDerivedView(user, spec(2))).values()]).toEqual(Array(5).fill({ s: 2 }));
    await resetDerivedView(user, 'test-view');
    expect((await userCollection(user, DERIVED_VIEWS).doc('test-view').get()).exists).toBe(false);
    expect((await readDerivedView(user, spec(2))).size).toBe(5);
  });

  it('drops tombstoned documents', async () => {
    const user = { uid: 'tombstone-user' };
    const id = await putMoodEntry(user, { recordedAtMs: Date.UTC(2025, 0, 1), score: 4 });
    expect((await readDerivedView(user, spec())).has(id)).toBe(true);
    await userCollection(user, 'mood_entries')
      .doc(id)
      .update({ deletedAt: new Date(), syncedAt: FieldValue.serverTimestamp() });
    expect((await readDerivedView(user, spec())).has(id)).toBe(false);
  });
});

// Issue 15: what is computed from a view is memoized by the view's Map, which stays the same only while nothing changed.
describe('memoized by the view', () => {
  it('serves the same Map while unchanged, and a new one as soon as a document syncs', async () => {
    const user = { uid: 'memo-user' };
    await putMoodEntry(user, { recordedAtMs: Date.UTC(2025, 0, 1), score: 2 });
    const first = await readDerivedView(user, spec());
    expect(await readDerivedView(user, spec())).toBe(first);
    const id = await putMoodEntry(user, { recordedAtMs: Date.UTC(2025, 0, 2), score: 4 });
    const next = await readDerivedView(user, spec());
    expect(next).not.toBe(first);
    expect(next.has(id)).toBe(true);
    expect(first.has(id)).toBe(false); // a Map handed out earlier is never changed
  });

  it('recomputes tags and mood statistics on the first view after a change, not before', async () => {
    const user = { uid: 'memo-stats-user' };
    await putJournalEntry(user, { title: 'one', tags: ['calm'] });
    const tags = await listJournalTags(user);
    expect(await listJournalTags(user)).toBe(tags);
    await putJournalEntry(user, { title: 'two', tags: ['walk'] });
    expect((await listJournalTags(user)).map((t) => t.tag).sort()).toEqual(['calm', 'walk']);

    const now = Date.parse('2025-06-10T12:00:00Z');
    await putMoodEntry(user, { recordedAtMs: Date.parse('2025-06-01T12:00:00Z'), score: 1 });
    const before = await getMoodHistory(user, { range: '30d', now });
    expect((await getMoodHistory(user, { range: '30d', now })).series).toBe(before.series);
    await putMoodEntry(user, { recordedAtMs: Date.parse('2025-06-02T12:00:00Z'), score: 5 });
    const after = await getMoodHistory(user, { range: '30d', now });
    expect(after.summary.checkIns).toBe(2);
    expect(before.summary.checkIns).toBe(1);
  });
});

describe('getMoodHistory', () => {
  it('buckets check-ins in the user\u2019s own time zone', async () => {
    const user = { uid: 'tz-user' };
    await userRef(user).set({
      displayName: 'Tz',
      timezone: 'America/New_York',
      createdAt: Timestamp.now(),
      updatedAt: Timestamp.now(),
    });
    // 03:00 UTC on 2 Jun is 23:00 on 1 Jun in New York.
    await putMoodEntry(user, { recordedAtMs: Date.parse('2025-06-02T03:00:00Z'), score: 1, activities: ['run'] });
    await putMoodEntry(user, { recordedAtMs: Date.parse('2025-06-01T15:00:00Z'), score: 5, activities: ['run'] });
    const stats = await getMoodHistory(user, { range: '30d', now: Date.parse('2025-06-10T12:00:00Z') });
    expect(stats.timeZone).toBe('America/New_York');
    expect(stats.series).toEqual([{ day: '2025-06-01', average: 3, count: 2 }]);
  });
});
