import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { POST as erase } from '@/app/api/data/erasure/route';
import { POST as startExport } from '@/app/api/data/exports/route';
import { POST as apply } from '@/app/api/data/imports/[jobId]/apply/route';
import { POST as upload } from '@/app/api/data/imports/route';
import { adminDb } from '@/lib/firebase/admin';
import { userCollection, userRef } from '@/lib/firebase/refs';
import { richUserDocs, writeUserDocs } from '../helpers/data-rights';
import { createTestUser, request, routeContext, sessionCookieFor, signInWithPassword } from '../helpers/users';

// The attack of issue 13: a job started while erasure runs writes into the tree after it was deleted.
const DAYLIO =
  'full_date,date,weekday,time,mood,activities,note_title,note\n2026-11-02,November 2,Monday,08:15,good,work,,\n';
const lease = (uid: string) => adminDb().collection('erasure_leases').doc(uid);
const exportRequest = (cookie: string) =>
  request('/api/data/exports', { method: 'POST', cookie, body: { types: ['journal', 'mood'] } });
const uploadRequest = (cookie: string) =>
  request('/api/data/imports?name=daylio.csv', {
    method: 'POST',
    cookie,
    rawBody: new TextEncoder().encode(DAYLIO),
    contentType: 'application/octet-stream',
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function userCollections(uid: string): Promise<string[]> {
  return (await userRef({ uid }).listCollections()).map((collection) => collection.id);
}

describe('erasure lease', () => {
  it('closes exports and imports while erasure holds it, and an expired lease blocks nothing', async () => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    const previewed = await (await upload(uploadRequest(cookie), routeContext())).json();
    expect(previewed.job.status).toBe('previewed');
    const before = await userCollections(user.uid);

    await lease(user.uid).set({ takenAt: Timestamp.now(), expiresAt: Timestamp.fromMillis(Date.now() + 60_000) });
    const refusals = [
      await startExport(exportRequest(cookie), routeContext()),
      await upload(uploadRequest(cookie), routeContext()),
      await apply(
        request(`/api/data/imports/${previewed.job.id}/apply`, { method: 'POST', cookie, body: {} }),
        routeContext({ jobId: previewed.job.id }),
      ),
    ];
    for (const response of refusals) {
      expect(response.status).toBe(409);
      expect((await response.json()).error.message).toBe(
        'Your account is being erased; exports and imports are closed.',
      );
    }
    expect(await userCollections(user.uid)).toEqual(before);
    expect((await userCollection(user, 'import_jobs').get()).size).toBe(1);

    // A failed erasure's lease must not lock the account for good: once expired it is ignored (TTL removes it later).
    await lease(user.uid).set({ takenAt: Timestamp.now(), expiresAt: Timestamp.fromMillis(Date.now() - 1) });
    expect((await startExport(exportRequest(cookie), routeContext())).status).toBe(202);
  });

  it('never lets an export and an erasure started together overlap, nor an archive outlive the erasure', async () => {
    for (let round = 0; round < 4; round += 1) {
      const user = await createTestUser();
      // Enough entries that the export is still running when the erasure checks for jobs.
      const docs = richUserDocs(round + 1);
      for (let i = 0; i < 1500; i += 1) docs[`journal_entries/bulk-${i}`] = docs['journal_entries/j-1']!;
      await writeUserDocs(user.uid, docs);
      const { cookie } = await sessionCookieFor(user);
      const idToken = await signInWithPassword(user);
      const [erased, exported] = await Promise.all([
        erase(
          request('/api/data/erasure', { method: 'POST', cookie, body: { idToken, phrase: 'erase my data' } }),
          routeContext(),
        ),
        startExport(exportRequest(cookie), routeContext()),
      ]);
      const lines =
        erased.status === 200
          ? (await erased.text())
              .trim()
              .split('\n')
              .map((line) => JSON.parse(line))
          : [];
      const erasedOk = lines.at(-1)?.type === 'done';
      const outcome = `round ${round}: erasure ${erased.status} ${lines.at(-1)?.type}, export ${exported.status}`;
      expect(erasedOk || exported.status === 202, outcome).toBe(true);
      if (erasedOk && exported.status === 202) {
        // Both may succeed only one after the other: the export's archive was complete and erased with the rest
        // (the transactions serialise them; the erasure waited for the running export to finish).
        const receipt = lines.at(-1).receipt as { items: { path: string; count: number }[] };
        expect(
          receipt.items.map((item) => item.path),
          outcome,
        ).toContain(`users/${user.uid}/export_jobs/*/file_chunks`);
      }
      if (erasedOk) {
        // Give a job that slipped through the time to write its archive, then look for it.
        await sleep(1500);
        expect(await userCollections(user.uid), `round ${round}`).toEqual([]);
        expect((await lease(user.uid).get()).exists, 'the lease is released when erasure completes').toBe(false);
      }
    }
  });
});
