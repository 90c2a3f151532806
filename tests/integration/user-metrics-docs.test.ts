import { beforeAll, describe, expect, it } from 'vitest';
import { adminDb } from '@/lib/firebase/admin';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { pseudonymFor } from '@/lib/metrics/pseudonymous-id';
import { tryAcquireLease, releaseLease } from '@/lib/metrics/rollup-lease';
import { runRollup } from '@/lib/metrics/run-rollup';
import { deleteUserMetricsDocs, findUserMetricsDocs } from '@/lib/metrics/user-metrics-docs';
import { putSyncEvents } from '../helpers/sync-events';
import { useIsolatedProject } from '../helpers/isolated-project';

beforeAll(async () => {
  await useIsolatedProject();
});

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 12);

/** Every document under metrics/ and audit_log/, as text, to search for an id. */
async function everythingStored(): Promise<string> {
  const metrics = await adminDb().collection('metrics').get();
  const nested = await Promise.all(
    ['rollups/sync_days', 'rollups/sync_hours', 'rollups/cost_months', 'rollups/fleet_days', 'usage/user_months'].map(
      (path) => adminDb().collection(`metrics/${path}`).get(),
    ),
  );
  const audit = await adminDb().collection('audit_log').get();
  return JSON.stringify(
    [...metrics.docs, ...nested.flatMap((s) => s.docs), ...audit.docs].map((doc) => [doc.ref.path, doc.data()]),
  );
}

describe('erasure of what the dashboard keeps about a user', () => {
  it('finds and deletes the user’s usage and audit entries, and removes their pseudonym from shared rollups', async () => {
    // One user alone on a rare release (a small group keeps their pseudonym), and six others on the common one.
    const events = [
      ...[0, 1, 2].map((d) => ({
        uid: 'leaving',
        deviceId: 'android-l',
        platform: 'android' as const,
        appVersion: '2.9.0',
        startedAtMs: NOW - d * DAY,
        pushed: 40,
        reads: 500,
        writes: 400,
      })),
      ...['s1', 's2', 's3', 's4', 's5', 's6'].flatMap((uid) =>
        [0, 1].map((d) => ({ uid, startedAtMs: NOW - d * DAY - 3_600_000 })),
      ),
    ];
    await putSyncEvents(events);
    await appendAuditEntry({ actor: { uid: 'leaving', email: 'leaving@test' }, action: 'page.view', target: '/admin' });
    await appendAuditEntry({
      actor: { system: 'cli:test' },
      action: 'admin.grant',
      target: 'leaving@test',
      subjectUid: 'leaving',
    });
    await appendAuditEntry({ actor: { uid: 's1', email: 's1@test' }, action: 'page.view', target: '/admin/cost' });
    await runRollup({ nowMs: NOW, forceSnapshot: true });

    const pid = await pseudonymFor('leaving');
    expect(await everythingStored()).toContain(pid);
    const found = await findUserMetricsDocs({ uid: 'leaving' });
    expect(found.pid).toBe(pid);
    expect(found.documents.map((ref) => ref.path).sort()).toEqual(
      expect.arrayContaining([`metrics/usage/user_months/${pid}_2026-11`]),
    );
    expect(found.documents.filter((ref) => ref.path.startsWith('audit_log/'))).toHaveLength(2);
    expect(found.rollupsMentioning.map((ref) => ref.path)).toEqual(
      expect.arrayContaining(['metrics/rollups/sync_days/2026-11', 'metrics/rollups/cost_months/2026-11']),
    );

    const others = await pseudonymFor('s1');
    const result = await deleteUserMetricsDocs({ uid: 'leaving' });
    expect(result.deleted).toBe(found.documents.length);
    const after = await everythingStored();
    expect(after).not.toContain(pid);
    expect(after).not.toContain('"leaving"');
    // Everyone else's documents stay.
    expect(after).toContain(`${others}_2026-11`);
    expect(after).toContain('s1@test');
    expect((await findUserMetricsDocs({ uid: 'leaving' })).documents).toEqual([]);
  });

  it('waits for a running rollup, so a rollup cannot write the user back', async () => {
    expect((await tryAcquireLease('rollup-in-progress')).acquired).toBe(true);
    const erasure = deleteUserMetricsDocs({ uid: 'someone' });
    let settled = false;
    void erasure.finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(settled).toBe(false);
    await releaseLease('rollup-in-progress');
    await expect(erasure).resolves.toEqual({ deleted: 0, scrubbed: 0 });
  });
});
