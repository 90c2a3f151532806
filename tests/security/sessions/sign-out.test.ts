// Issue 13, B: signing out of one browser must end that browser's session only. It used to revoke every refresh
// token of the account, signing the user's phones out too. Signing out everywhere is its own, explicit action.
import { collection, getDocs } from 'firebase/firestore';
import { describe, expect, it } from 'vitest';
import { DELETE as signOut } from '@/app/api/auth/session/route';
import { POST as signOutEverywhere } from '@/app/api/auth/sign-out-everywhere/route';
import { GET as listExports } from '@/app/api/data/exports/route';
import { JOURNAL_ENTRIES } from '@/lib/contract/paths';
import { adminAuth } from '@/lib/firebase/admin';
import { deviceRef } from '@/lib/firebase/refs';
import {
  createTestUser,
  putJournalEntry,
  request,
  routeContext,
  sessionCookieFor,
  signInWithPassword,
} from '../../helpers/users';
import { customTokenFor, signInFromStolenCookie } from './attacker';

/** Revocation is recorded to the second: a token from this very second would still pass. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1100));
const portalCall = (cookie: string) => listExports(request('/api/data/exports', { cookie }), routeContext());

describe('signing out of the web', () => {
  it('ends this browser only: a phone stays signed in, and so does another browser', async () => {
    const user = await createTestUser();
    await putJournalEntry(user, { title: 'kept' });
    const phoneIdToken = await signInWithPassword(user);
    const here = await sessionCookieFor(user);
    // Two sign-ins in one second can yield the same cookie, hence the same session: wait for distinct ones.
    await nextSecond();
    const elsewhere = await sessionCookieFor(user);
    expect(elsewhere.deviceId).not.toBe(here.deviceId);
    const { db } = await signInFromStolenCookie(here.cookie);
    await nextSecond();

    const response = await signOut(
      request('/api/auth/session', { method: 'DELETE', cookie: here.cookie, body: {} }),
      routeContext(),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/wellsync_session=;.*Max-Age=0/);

    // The phone's token is not revoked, and it can still refresh.
    await expect(adminAuth().verifyIdToken(phoneIdToken, true)).resolves.toMatchObject({ uid: user.uid });
    await expect(signInWithPassword(user)).resolves.toBeTruthy();
    expect((await portalCall(elsewhere.cookie)).status).toBe(200);

    // This browser is over: its cookie, a new custom token from it, and the custom token it already had.
    expect((await deviceRef(user, here.deviceId).get()).get('revokedAt')).not.toBeNull();
    expect((await portalCall(here.cookie)).status).toBe(401);
    expect((await customTokenFor(here.cookie)).status).toBe(401);
    await expect(getDocs(collection(db, 'users', user.uid, JOURNAL_ENTRIES))).rejects.toMatchObject({
      code: 'permission-denied',
    });
  });

  it('needs the app\u2019s own Origin', async () => {
    const user = await createTestUser();
    const { cookie, deviceId } = await sessionCookieFor(user);
    const response = await signOut(
      request('/api/auth/session', { method: 'DELETE', cookie, body: {}, origin: 'https://evil.example' }),
      routeContext(),
    );
    expect(response.status).toBe(403);
    expect((await deviceRef(user, deviceId).get()).get('revokedAt')).toBeNull();
  });
});

describe('signing out everywhere', () => {
  it('revokes every refresh token: phones and every browser must sign in again', async () => {
    const user = await createTestUser();
    const phoneIdToken = await signInWithPassword(user);
    const here = await sessionCookieFor(user);
    await nextSecond();
    const elsewhere = await sessionCookieFor(user);
    expect(elsewhere.deviceId).not.toBe(here.deviceId);
    await nextSecond();

    const response = await signOutEverywhere(
      request('/api/auth/sign-out-everywhere', { method: 'POST', cookie: here.cookie, body: {} }),
      routeContext(),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/wellsync_session=;.*Max-Age=0/);
    await expect(adminAuth().verifyIdToken(phoneIdToken, true)).rejects.toMatchObject({
      code: 'auth/id-token-revoked',
    });
    expect((await portalCall(here.cookie)).status).toBe(401);
    expect((await portalCall(elsewhere.cookie)).status).toBe(401);
    expect((await deviceRef(user, elsewhere.deviceId).get()).get('revokedAt')).not.toBeNull();
  });

  it('needs a session, the app\u2019s Origin and an empty body', async () => {
    const user = await createTestUser();
    const phoneIdToken = await signInWithPassword(user);
    const { cookie } = await sessionCookieFor(user);
    await nextSecond();
    const call = (init: Parameters<typeof request>[1]) =>
      signOutEverywhere(request('/api/auth/sign-out-everywhere', { method: 'POST', ...init }), routeContext());
    expect((await call({ body: {} })).status).toBe(401);
    expect((await call({ cookie, body: {}, origin: 'https://evil.example' })).status).toBe(403);
    expect((await call({ cookie, body: { everyone: true } })).status).toBe(422);
    await expect(adminAuth().verifyIdToken(phoneIdToken, true)).resolves.toMatchObject({ uid: user.uid });
  });
});
