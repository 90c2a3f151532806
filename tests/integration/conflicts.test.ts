import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { POST as resolve } from '@/app/api/conflicts/[conflictId]/resolve/route';
import { countUnresolvedConflicts, listUnresolvedConflicts } from '@/lib/conflicts/list-conflicts';
import { CONFLICTS, JOURNAL_ENTRIES } from '@/lib/contract/paths';
import { userCollection } from '@/lib/firebase/refs';
import { adminCloud } from '@/lib/sync/admin-cloud';
import { compareRevs } from '@/lib/sync/hlc';
import { memoryStore } from '@/lib/sync/stores/memory-store';
import { SyncClient } from '@/lib/sync/sync-client';
import { createTestUser, request, routeContext, sessionCookieFor, type TestUser } from '../helpers/users';

/** Two phones edit one entry before syncing: the later edit wins, the other becomes a conflict. */
async function conflictFor(user: TestUser) {
  let time = Date.now() - 60_000;
  const phone = (id: string) =>
    SyncClient.open({
      device: { id, platform: 'ios', appVersion: '3.2.1', name: id },
      cloud: adminCloud(user),
      store: memoryStore(),
      now: () => time,
    });
  const a = await phone('ios-a');
  const b = await phone('ios-b');
  await a.edit(JOURNAL_ENTRIES, 'e1', {
    title: 'Trip',
    body: 'original',
    tags: ['t'],
    mood: 3,
    createdAt: Timestamp.fromMillis(time),
  });
  await a.sync();
  await b.sync();
  time += 1000;
  await a.edit(JOURNAL_ENTRIES, 'e1', { body: 'the iPhone version' });
  time += 1000;
  await b.edit(JOURNAL_ENTRIES, 'e1', { body: 'the other version' });
  await b.sync();
  await a.sync();
  const [conflict] = await listUnresolvedConflicts(user);
  return { conflict: conflict!, a, b };
}

const post = (cookie: string, id: string, body: unknown) =>
  resolve(request(`/api/conflicts/${id}/resolve`, { method: 'POST', cookie, body }), routeContext({ conflictId: id }));

describe('resolving conflicts', () => {
  it('lists the loser beside the winner and counts it', async () => {
    const user = await createTestUser();
    const { conflict } = await conflictFor(user);
    expect(conflict.data).toMatchObject({ body: 'the iPhone version', deviceId: 'ios-a' });
    expect(conflict.winner).toMatchObject({ body: 'the other version', deviceId: 'ios-b' });
    expect(await countUnresolvedConflicts(user)).toBe(1);
  });

  it('merges automatically from the recorded base, or refuses with 409 when both changed the same line', async () => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    const { conflict, b } = await conflictFor(user);
    expect(conflict.base).toMatchObject({ body: 'original' });
    const refused = await post(cookie, conflict.id, { choice: 'merged' });
    expect(refused.status).toBe(409);
    // The winner's phone puts its body back and renames the entry: now the two no longer touch the same line.
    await b.edit(JOURNAL_ENTRIES, 'e1', { title: 'Trip 2', body: 'original' });
    await b.sync();
    const merged = await post(cookie, conflict.id, { choice: 'merged' });
    expect(await merged.json()).toEqual({ resolution: 'merged', push: 'fast-forward' });
    expect((await userCollection(user, JOURNAL_ENTRIES).doc('e1').get()).data()).toMatchObject({
      title: 'Trip 2',
      body: 'the iPhone version',
      deletedAt: null,
    });
    expect((await userCollection(user, CONFLICTS).doc(conflict.id).get()).get('resolution')).toBe('merged');
  });

  it('keeps the winner: only the stamp changes', async () => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    const { conflict } = await conflictFor(user);
    const before = (await userCollection(user, JOURNAL_ENTRIES).doc('e1').get()).data();
    const response = await post(cookie, conflict.id, { choice: 'kept-winner' });
    expect(await response.json()).toEqual({ resolution: 'kept-winner', push: null });
    expect((await userCollection(user, JOURNAL_ENTRIES).doc('e1').get()).data()).toEqual(before);
    const stamped = (await userCollection(user, CONFLICTS).doc(conflict.id).get()).data()!;
    expect(stamped.resolution).toBe('kept-winner');
    expect(stamped.resolvedAt).toBeInstanceOf(Timestamp);
    expect(await countUnresolvedConflicts(user)).toBe(0);
    expect((await post(cookie, conflict.id, { choice: 'restored' })).status).toBe(409);
  });

  it('restores the loser through the protocol, and the phones pull it', async () => {
    const user = await createTestUser();
    const { cookie, deviceId } = await sessionCookieFor(user);
    const { conflict, a, b } = await conflictFor(user);
    const winnerRev = (await userCollection(user, JOURNAL_ENTRIES).doc('e1').get()).get('rev') as string;
    const response = await post(cookie, conflict.id, { choice: 'restored' });
    expect(await response.json()).toEqual({ resolution: 'restored', push: 'fast-forward' });
    const cloud = (await userCollection(user, JOURNAL_ENTRIES).doc('e1').get()).data()!;
    expect(cloud).toMatchObject({
      body: 'the iPhone version',
      title: 'Trip',
      tags: ['t'],
      baseRev: winnerRev,
      deviceId,
    });
    expect(compareRevs(cloud.rev, winnerRev)).toBe(1);
    await a.sync();
    await b.sync();
    expect(a.get(JOURNAL_ENTRIES, 'e1')?.body).toBe('the iPhone version');
    expect(b.get(JOURNAL_ENTRIES, 'e1')?.body).toBe('the iPhone version');
  });

  it('saves a hand merge, validating it first', async () => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    const { conflict } = await conflictFor(user);
    const bad = await post(cookie, conflict.id, {
      choice: 'merged',
      fields: { title: 'x'.repeat(201), body: 'b', tags: [], mood: null },
    });
    expect(bad.status).toBe(422);
    expect(await countUnresolvedConflicts(user)).toBe(1);
    const ok = await post(cookie, conflict.id, {
      choice: 'merged',
      fields: { title: 'Trip', body: 'both halves', tags: ['t', 'merged'], mood: 4 },
    });
    expect(ok.status).toBe(200);
    expect((await userCollection(user, JOURNAL_ENTRIES).doc('e1').get()).data()).toMatchObject({
      body: 'both halves',
      tags: ['t', 'merged'],
      mood: 4,
      deletedAt: null,
    });
  });

  it('refuses other users, malformed requests and unknown ids', async () => {
    const owner = await createTestUser();
    const stranger = await createTestUser();
    const { conflict } = await conflictFor(owner);
    const { cookie } = await sessionCookieFor(stranger);
    expect((await post(cookie, conflict.id, { choice: 'kept-winner' })).status).toBe(404);
    expect((await post(cookie, 'no-such-conflict', { choice: 'kept-winner' })).status).toBe(404);
    expect((await post(cookie, conflict.id, { choice: 'deleted-it' })).status).toBe(422);
    expect(await countUnresolvedConflicts(owner)).toBe(1);
  });
});
