import { beforeAll, describe, expect, it } from 'vitest';
import { takeErasureInventory } from '@/lib/erasure/take-erasure-inventory';
import { eraseUser } from '@/lib/erasure/erase-user';
import { runExportJob } from '@/lib/export/run-export-job';
import { startExportJob } from '@/lib/export/start-export-job';
import { EXPORT_TYPES } from '@/lib/export/export-types';
import { adminAuth, adminDb } from '@/lib/firebase/admin';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';
import { runRollup } from '@/lib/metrics/run-rollup';
import { getMoodHistory } from '@/lib/mood/get-mood-history';
import { searchJournal } from '@/lib/journal/search-journal';
import { useIsolatedProject } from '../helpers/isolated-project';
import { newUid, richUserDocs, writeUserDocs } from '../helpers/data-rights';
import { walkDatabase } from '../helpers/walk-database';

beforeAll(async () => {
  await useIsolatedProject();
});

async function seedUser(seed: number) {
  const uid = newUid();
  await adminAuth().createUser({ uid, email: `${uid}@scan.wellsync.test`, password: 'pw-123456' });
  await writeUserDocs(uid, richUserDocs(seed));
  // What wellsync itself stores: derived views, and an export with its archive chunks.
  await getMoodHistory({ uid }, { range: 'all' });
  await searchJournal({ uid }, 'café', {});
  const { attempt } = await startExportJob({ uid }, { types: [...EXPORT_TYPES], includeTombstones: true });
  await runExportJob({ uid }, attempt);
  return uid;
}

describe('erasure', () => {
  it('lists every place with counts, deletes all of it, and leaves every other user byte for byte unchanged', async () => {
    const [target, ...others] = [await seedUser(1), await seedUser(2), await seedUser(3)];
    // What the admin dashboard keeps: usage rollups from the users' telemetry, and audit entries by and about them.
    await runRollup({ full: true, nowMs: 1_760_100_000_000 }); // the seeded telemetry is from October 2025
    await appendAuditEntry({ actor: { uid: target!, email: null }, action: 'page.view', target: '/admin' });
    await appendAuditEntry({
      actor: { system: 'admin:grant' },
      action: 'admin.grant',
      target: 'someone',
      subjectUid: target!,
    });
    // Data outside the known paths must be found too.
    await adminDb().doc(`users/${target}/something_new/x`).set({ note: 'kept by a future feature' });

    const inventory = await takeErasureInventory({ uid: target! });
    const paths = inventory.items.map((i) => i.path);
    for (const part of [
      'journal_entries',
      'mood_entries',
      'conflicts',
      'devices',
      'sync_events',
      'settings',
      'derived_views',
      'export_jobs',
      'export_jobs/*/file_chunks',
      'derived_views/*/chunks',
      'something_new',
    ]) {
      expect(paths).toContain(`users/${target}/${part}`);
    }
    expect(paths).toContain(`users/${target}`);
    expect(paths).toEqual(expect.arrayContaining(['metrics/usage/user_months', 'audit_log']));
    expect(paths).toContain(`auth/users/${target}`);
    expect(inventory.items.find((i) => i.path === `users/${target}/journal_entries`)?.count).toBe(3);

    const before = await walkDatabase(adminDb());
    const receipt = await eraseUser({ uid: target! });
    const after = await walkDatabase(adminDb());

    // Nothing anywhere names the erased user: no path, no field value (the kept receipt included).
    const leaks = after.filter((doc) => doc.path.includes(target!) || doc.json.includes(target!));
    expect(leaks).toEqual([]);
    await expect(adminAuth().getUser(target!)).rejects.toMatchObject({ code: 'auth/user-not-found' });
    // The others are untouched: same documents, same bytes, same update times.
    const otherDocs = (docs: typeof before) =>
      docs.filter((doc) => others.some((uid) => doc.path.startsWith(`users/${uid}`)));
    expect(otherDocs(after)).toEqual(otherDocs(before));
    expect(otherDocs(after).length).toBeGreaterThan(20);

    // The receipt the user gets counts what was deleted; the kept copy has no user id.
    expect(receipt.items.find((i) => i.path === `users/${target}/journal_entries`)?.count).toBe(3);
    expect(receipt.items.find((i) => i.path === `auth/users/${target}`)?.count).toBe(1);
    expect(receipt.total).toBe(inventory.total);
    const kept = (await adminDb().collection('erasure_receipts').doc(receipt.id).get()).data();
    expect(kept?.total).toBe(receipt.total);
    expect(JSON.stringify(kept)).toContain('users/{uid}/journal_entries');
  });

  it('can be run again after being cut short', async () => {
    const uid = await seedUser(4);
    await eraseUser({ uid });
    const again = await eraseUser({ uid });
    expect(again.total).toBe(0);
  });
});
