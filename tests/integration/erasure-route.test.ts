import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { GET as inventory, POST as erase } from '@/app/api/data/erasure/route';
import { GET as listExports } from '@/app/api/data/exports/route';
import { verifyRecentSignIn } from '@/lib/erasure/verify-recent-sign-in';
import { RATE_LIMITS, RATE_LIMITS_COLLECTION, rateLimitKeyPrefix } from '@/lib/api/rate-limit';
import { adminAuth, adminDb } from '@/lib/firebase/admin';
import { userCollection, userRef } from '@/lib/firebase/refs';
import {
  createTestUser,
  putJournalEntry,
  request,
  routeContext,
  sessionCookieFor,
  signInWithPassword,
} from '../helpers/users';

const eraseRequest = (cookie: string, body: unknown) => request('/api/data/erasure', { method: 'POST', cookie, body });

describe('POST /api/data/erasure', () => {
  it('needs the typed phrase and a fresh sign-in of the same account, and changes nothing otherwise', async () => {
    const user = await createTestUser();
    const other = await createTestUser();
    await putJournalEntry(user, { title: 'still here' });
    const { cookie } = await sessionCookieFor(user);
    const idToken = await signInWithPassword(user);

    const noPhrase = await erase(eraseRequest(cookie, { idToken, phrase: 'delete' }), routeContext());
    expect(noPhrase.status).toBe(422);
    expect((await noPhrase.json()).error.message).toMatch(/phrase: Type "erase my data" to confirm/);

    const othersToken = await erase(
      eraseRequest(cookie, { idToken: await signInWithPassword(other), phrase: 'erase my data' }),
      routeContext(),
    );
    expect(othersToken.status).toBe(403);
    expect((await othersToken.json()).error.message).toMatch(/belongs to another account/);

    const forged = await erase(
      eraseRequest(cookie, { idToken: 'x'.repeat(200), phrase: 'erase my data' }),
      routeContext(),
    );
    expect(forged.status).toBe(403);
    expect(
      (
        await erase(
          request('/api/data/erasure', {
            method: 'POST',
            cookie,
            body: { idToken, phrase: 'erase my data' },
            origin: 'https://evil.example',
          }),
          routeContext(),
        )
      ).status,
    ).toBe(403);

    expect((await userCollection(user, 'journal_entries').get()).size).toBe(1);
    expect((await adminAuth().getUser(user.uid)).uid).toBe(user.uid);
  });

  it('refuses a sign-in older than five minutes', async () => {
    const user = await createTestUser();
    const idToken = await signInWithPassword(user);
    const caller = { uid: user.uid, deviceId: 'web-x', email: user.email, isAdmin: false, authTime: 0 };
    await expect(verifyRecentSignIn(caller, idToken, Date.now() + 6 * 60_000)).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/more than 5 minutes ago/),
    });
    await expect(verifyRecentSignIn(caller, idToken)).resolves.toBeUndefined();
  });

  it('waits for a running export', async () => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    await userCollection(user, 'export_jobs')
      .doc('0190a000-0000-7000-8000-000000000000')
      .set({ status: 'running', heartbeatAt: Timestamp.now(), createdAt: Timestamp.now() });
    const response = await erase(
      eraseRequest(cookie, { idToken: await signInWithPassword(user), phrase: 'Erase my data ' }),
      routeContext(),
    );
    expect(response.status).toBe(409);
    expect((await userRef(user).get()).exists).toBe(true);
  });

  it('shows the inventory, then erases with progress and a receipt, ending the session', async () => {
    const user = await createTestUser();
    await putJournalEntry(user, { title: 'a' });
    await putJournalEntry(user, { title: 'b' });
    const { cookie } = await sessionCookieFor(user);
    const before = (await (await inventory(request('/api/data/erasure', { cookie }), routeContext())).json()).inventory;
    expect(before.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: `users/${user.uid}/journal_entries`, count: 2 }),
        expect.objectContaining({ path: `auth/users/${user.uid}`, count: 1 }),
      ]),
    );

    const response = await erase(
      eraseRequest(cookie, { idToken: await signInWithPassword(user), phrase: 'erase my data' }),
      routeContext(),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/wellsync_session=;.*Max-Age=0/);
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    // The erasure request itself was counted by its rate limit: that counter is the user's data too, and goes.
    expect(lines[0]).toEqual({ type: 'progress', deleted: 0, total: before.total + 1 });
    const receipt = lines.at(-1);
    expect(receipt.type).toBe('done');
    expect(receipt.receipt.total).toBe(before.total + 1);
    expect(receipt.receipt.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: `users/${user.uid}/journal_entries`, count: 2 }),
        expect.objectContaining({ path: RATE_LIMITS_COLLECTION, count: 1 }),
      ]),
    );
    const prefix = rateLimitKeyPrefix(RATE_LIMITS.erasure, user.uid);
    expect(
      (await adminDb().collection(RATE_LIMITS_COLLECTION).get()).docs.filter((doc) => doc.id.startsWith(prefix)),
    ).toHaveLength(0);

    await expect(adminAuth().getUser(user.uid)).rejects.toMatchObject({ code: 'auth/user-not-found' });
    expect((await userCollection(user, 'journal_entries').get()).size).toBe(0);
    expect((await listExports(request('/api/data/exports', { cookie }), routeContext())).status).toBe(401);
  });
});
