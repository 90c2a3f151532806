import { describe, expect, it } from 'vitest';
import { MemoryFirestore, MemoryTimestamp, memoryCloud } from '@/tests/helpers/memory-cloud';
import { SyncClient } from './sync-client';
import type { SyncCloud } from './types';

const UID = 'u1';

/** A cloud whose telemetry write, the last step of an attempt, waits until the test lets it go. */
function heldCloud(db: MemoryFirestore) {
  const cloud = memoryCloud(db, UID, { offline: false, nextFault: null });
  let release: () => void = () => undefined;
  let reached: () => void = () => undefined;
  const reachedReport = new Promise<void>((resolve) => (reached = resolve));
  let hold = true;
  const held: SyncCloud = {
    ...cloud,
    async recordAttempt(...args) {
      reached();
      if (hold) await new Promise<void>((resolve) => (release = resolve));
      return cloud.recordAttempt(...args);
    },
  };
  return { cloud: held, reachedReport, release: () => ((hold = false), release()) };
}

describe('SyncClient.sync', () => {
  it('pushes an edit made while an attempt is in flight, in one more attempt shared by every later call', async () => {
    const db = new MemoryFirestore();
    const { cloud, reachedReport, release } = heldCloud(db);
    const store = { load: async () => null, save: async () => undefined };
    const web = await SyncClient.open({
      device: { id: 'web-a', platform: 'web', appVersion: '0.1.0', name: 'a' },
      cloud,
      store,
    });
    const first = web.sync();
    // The attempt in flight has pushed (nothing) and pulled; only its report is left.
    await reachedReport;
    await web.edit('journal_entries', 'e1', {
      title: 'Late',
      body: 'typed during a sync',
      tags: [],
      mood: null,
      createdAt: new MemoryTimestamp(1_764_000_000, 0),
    });
    const second = web.sync();
    const third = web.sync();
    expect(third).toBe(second);
    release();
    await first;
    const report = await second;
    expect(report.pushed).toBe(1);
    expect(db.docs.get(`users/${UID}/journal_entries/e1`)?.body).toBe('typed during a sync');
    expect(web.pendingCount()).toBe(0);
  });
});
