// The undo route for automatic merges (issue 14): both ways back through the protocol, and every caller who must
// not get there: another user (404, never 403), a foreign Origin, a revoked browser and a revoked sign-in.
import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { POST as undo } from '@/app/api/conflicts/[conflictId]/undo/route';
import { countUnresolvedConflicts, listRecentAutoMerges } from '@/lib/conflicts/list-conflicts';
import { CONFLICTS, JOURNAL_ENTRIES } from '@/lib/contract/paths';
import { adminAuth } from '@/lib/firebase/admin';
import { deviceRef, userCollection } from '@/lib/firebase/refs';
import { adminCloud } from '@/lib/sync/admin-cloud';
import { compareRevs } from '@/lib/sync/hlc';
import { memoryStore } from '@/lib/sync/stores/memory-store';
import { SyncClient } from '@/lib/sync/sync-client';
import { createTestUser, request, routeContext, sessionCookieFor, type TestUser } from '../helpers/users';

const ORIGINAL = 'Walked to the sea.\n';
const APPENDED = 'Walked to the sea.\nSlept well after.\n';

/** Two phones change different parts of one entry before syncing: the second push merges both. */
async function autoMergeFor(user: TestUser) {
  let time = Date.now() - 60_000;
  const phone = (id: string) =>
    SyncClient.open({
      device: { id, platform: 'ios', appVersion: '3.2.1', name: id },
      cloud: adminCloud(user),
      store: memoryStore(),
      now: () => time,
    });
  const [a, b] = [await phone('ios-a'), await phone('ios-b')];
  await a.edit(JOURNAL_ENTRIES, 'e1', {
    title: 'Walk',
    body: ORIGINAL,
    tags: ['calm'],
    mood: 3,
    createdAt: Timestamp.fromMillis(time),
  });
  await a.sync();
  await b.sync();
  time += 1000;
  await a.edit(JOURNAL_ENTRIES, 'e1', { body: APPENDED });
  time += 1000;
  await b.edit(JOURNAL_ENTRIES, 'e1', { title: 'Walk by the sea', tags: ['calm', 'sea'] });
  await b.sync();
  const report = await a.sync();
  expect(report.merged).toBe(1);
  const [conflict] = await listRecentAutoMerges(user);
  return { conflict: conflict!, a, b };
}

const entry = async (user: TestUser) => (await userCollection(user, JOURNAL_ENTRIES).doc('e1').get()).data()!;
const stampOf = async (user: TestUser, id: string) => (await userCollection(user, CONFLICTS).doc(id).get()).data()!;
const post = (cookie: string, id: string, body: unknown, origin?: string) =>
  undo(
    request(`/api/conflicts/${id}/undo`, { method: 'POST', cookie, body, origin }),
    routeContext({ conflictId: id }),
  );

describe('undoing an automatic merge', () => {
  it('lists the merge for undo without counting it as waiting for the user', async () => {
    const user = await createTestUser();
    const { conflict } = await autoMergeFor(user);
    expect(conflict).toMatchObject({ resolution: 'auto-merged', data: { body: APPENDED }, base: { body: ORIGINAL } });
    expect(conflict.winner).toMatchObject({ title: 'Walk by the sea', body: APPENDED, tags: ['calm', 'sea'] });
    expect(await countUnresolvedConflicts(user)).toBe(0);
  });

  it('keeps the other side: the set-aside change is taken back out, on top of the merge, and the phones pull it', async () => {
    const user = await createTestUser();
    const { cookie, deviceId } = await sessionCookieFor(user);
    const { conflict, a, b } = await autoMergeFor(user);
    const mergedRev = (await entry(user)).rev as string;
    const response = await post(cookie, conflict.id, { keep: 'other' });
    expect(await response.json()).toEqual({ resolution: 'kept-winner', push: 'fast-forward' });
    const cloud = await entry(user);
    expect(cloud).toMatchObject({
      title: 'Walk by the sea',
      body: ORIGINAL,
      tags: ['calm', 'sea'],
      baseRev: mergedRev,
      deviceId,
    });
    expect(compareRevs(cloud.rev, mergedRev)).toBe(1);
    expect(await stampOf(user, conflict.id)).toMatchObject({
      resolution: 'kept-winner',
      mergedRev,
      data: { body: APPENDED },
    });
    expect(await listRecentAutoMerges(user)).toEqual([]);
    await a.sync();
    await b.sync();
    expect(a.get(JOURNAL_ENTRIES, 'e1')?.body).toBe(ORIGINAL);
    expect(b.get(JOURNAL_ENTRIES, 'e1')?.title).toBe('Walk by the sea');
    // Once undone it is an ordinary resolved conflict: a second undo is refused and changes nothing.
    expect((await post(cookie, conflict.id, { keep: 'set-aside' })).status).toBe(409);
    expect((await entry(user)).rev).toBe(cloud.rev);
  });

  it('keeps the set-aside version whole, as restoring it does', async () => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    const { conflict } = await autoMergeFor(user);
    const response = await post(cookie, conflict.id, { keep: 'set-aside' });
    expect(await response.json()).toEqual({ resolution: 'restored', push: 'fast-forward' });
    expect(await entry(user)).toMatchObject({ title: 'Walk', body: APPENDED, tags: ['calm'], deletedAt: null });
  });

  it('refuses open conflicts and merges past 30 days with 409, changing nothing', async () => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    const { conflict } = await autoMergeFor(user);
    const before = await entry(user);
    await userCollection(user, CONFLICTS)
      .doc(conflict.id)
      .update({ resolvedAt: Timestamp.fromMillis(Date.now() - 31 * 86_400_000) });
    expect((await post(cookie, conflict.id, { keep: 'other' })).status).toBe(409);
    await userCollection(user, CONFLICTS).doc(conflict.id).update({ resolvedAt: null, resolution: null });
    expect((await post(cookie, conflict.id, { keep: 'other' })).status).toBe(409);
    expect(await entry(user)).toEqual(before);
  });

  it("answers 404 for another user's merge and unknown ids, 422 for a malformed body, 403 for a foreign Origin", async () => {
    const owner = await createTestUser();
    const stranger = await sessionCookieFor(await createTestUser());
    const { cookie } = await sessionCookieFor(owner);
    const { conflict } = await autoMergeFor(owner);
    const before = await entry(owner);
    expect((await post(stranger.cookie, conflict.id, { keep: 'other' })).status).toBe(404);
    expect((await post(cookie, 'no-such-conflict', { keep: 'other' })).status).toBe(404);
    expect((await post(cookie, conflict.id, { keep: 'both' })).status).toBe(422);
    expect((await post(cookie, conflict.id, { keep: 'other', extra: 1 })).status).toBe(422);
    expect((await post(cookie, conflict.id, { keep: 'other' }, 'https://evil.example')).status).toBe(403);
    expect(await entry(owner)).toEqual(before);
    expect(await stampOf(owner, conflict.id)).toMatchObject({ resolution: 'auto-merged' });
  });

  it('refuses a revoked browser and a stolen cookie after signing out everywhere (401)', async () => {
    const user = await createTestUser();
    const { conflict } = await autoMergeFor(user);
    const revoked = await sessionCookieFor(user);
    await deviceRef(user, revoked.deviceId).update({ revokedAt: Timestamp.now() });
    expect((await post(revoked.cookie, conflict.id, { keep: 'other' })).status).toBe(401);
    const stolen = await sessionCookieFor(user);
    // Revocation is checked against the token's issue time, in whole seconds.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await adminAuth().revokeRefreshTokens(user.uid);
    expect((await post(stolen.cookie, conflict.id, { keep: 'other' })).status).toBe(401);
    expect(await stampOf(user, conflict.id)).toMatchObject({ resolution: 'auto-merged' });
  });
});
