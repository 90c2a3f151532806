import { describe, expect, it } from 'vitest';
import { JOURNAL_ENTRIES } from '@/lib/contract/paths';
import { withReadMeter } from '@/lib/firebase/metered';
import { userCollection } from '@/lib/firebase/refs';
import { automaticIndexSize, documentSize } from '@/lib/metrics/firestore-storage-size';
import { getCloudStats } from '@/lib/sync-settings/get-cloud-stats';
import { createTestUser, putJournalEntry, putMoodEntry } from '../helpers/users';

describe('getCloudStats', () => {
  it('sums the storage of every stored entry (tombstones too) by Firestore\u2019s size rules, incrementally', async () => {
    const user = await createTestUser();
    for (let i = 0; i < 30; i++)
      await putJournalEntry(user, {
        title: `t${i}`,
        body: 'x'.repeat(i * 10),
        deletedAtMs: i === 0 ? Date.now() : null,
      });
    await putMoodEntry(user, { recordedAtMs: Date.now(), score: 4 });
    const docs = (await userCollection(user, JOURNAL_ENTRIES).get()).docs;
    const expected = docs.reduce(
      (n, d) => n + documentSize(d.ref.path, d.data()) + automaticIndexSize(d.ref.path, d.data()),
      0,
    );

    const first = await getCloudStats(user);
    expect(first.journal).toEqual({ docs: 30, bytes: expected });
    expect(first.mood.docs).toBe(1);
    expect(first.profile.docs).toBe(1);
    expect(first.profile.bytes).toBeGreaterThan(100);

    const warm = await withReadMeter(() => getCloudStats(user));
    // Two views (meta + change query each), the profile, the pseudonym key and up to two usage months.
    expect(warm.reads).toBeLessThanOrEqual(9);
    expect(warm.result.journal).toEqual(first.journal);
  });
});
