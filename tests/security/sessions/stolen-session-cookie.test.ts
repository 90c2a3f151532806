// Issue 13, A: a copy of a browser's session cookie must not become more than that browser session. The custom
// token the portal mints for its own Firebase SDK signs in with `sign_in_provider: custom` and a fresh auth_time,
// so without these checks it passed as a "recent sign-in" (erasure), bought a new session cookie that outlived
// revoking the stolen browser, and read the journal through the rules until the ID token expired.
import { collection, doc, getDoc, getDocs } from 'firebase/firestore';
import { describe, expect, it } from 'vitest';
import { POST as revokeDevice } from '@/app/api/devices/[deviceId]/revoke/route';
import { POST as eraseAccount } from '@/app/api/data/erasure/route';
import { POST as createSession } from '@/app/api/auth/session/route';
import { JOURNAL_ENTRIES } from '@/lib/contract/paths';
import { ERASE_PHRASE } from '@/lib/erasure/erasure-receipt';
import { adminAuth } from '@/lib/firebase/admin';
import { userCollection, userRef } from '@/lib/firebase/refs';
import { createTestUser, putJournalEntry, request, routeContext, sessionCookieFor } from '../../helpers/users';
import { claimsOf, customTokenFor, signInFromStolenCookie } from './attacker';

describe('a stolen session cookie', () => {
  it('cannot erase the account through a custom-token sign-in', async () => {
    const victim = await createTestUser();
    await putJournalEntry(victim, { title: 'private' });
    const { cookie } = await sessionCookieFor(victim);
    const { idToken } = await signInFromStolenCookie(cookie);
    expect(claimsOf(idToken)).toMatchObject({ firebase: { sign_in_provider: 'custom' } });

    const response = await eraseAccount(
      request('/api/data/erasure', { method: 'POST', cookie, body: { idToken, phrase: ERASE_PHRASE } }),
      routeContext(),
    );
    expect([401, 403]).toContain(response.status);
    expect((await response.json()).error.message).toMatch(/Sign in with your password to continue/);
    expect((await adminAuth().getUser(victim.uid)).uid).toBe(victim.uid);
    expect((await userRef(victim).get()).exists).toBe(true);
    expect((await userCollection(victim, JOURNAL_ENTRIES).get()).size).toBe(1);
  });

  it('cannot mint a new session cookie that would outlive revoking the stolen browser', async () => {
    const victim = await createTestUser();
    const { cookie } = await sessionCookieFor(victim);
    const { idToken } = await signInFromStolenCookie(cookie);

    const response = await createSession(
      request('/api/auth/session', { method: 'POST', body: { idToken } }),
      routeContext(),
    );
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toMatch(/Sign in with your password to continue/);
    expect(response.headers.get('set-cookie') ?? '').not.toMatch(/wellsync_session=[^;]/);
  });

  it('binds its custom token to the browser session, and refuses one once that browser is revoked', async () => {
    const victim = await createTestUser();
    const stolen = await sessionCookieFor(victim);
    const { idToken } = await signInFromStolenCookie(stolen.cookie);
    expect(claimsOf(idToken)).toMatchObject({ webDevice: stolen.deviceId });

    const owner = await sessionCookieFor(victim);
    const revoked = await revokeDevice(
      request(`/api/devices/${stolen.deviceId}/revoke`, { method: 'POST', cookie: owner.cookie, body: {} }),
      routeContext({ deviceId: stolen.deviceId }),
    );
    expect(revoked.status).toBe(200);
    expect((await customTokenFor(stolen.cookie)).status).toBe(401);
  });

  it('reads nothing through the rules once the stolen browser is revoked, though its ID token has not expired', async () => {
    const victim = await createTestUser();
    const entryId = await putJournalEntry(victim, { title: 'private' });
    const stolen = await sessionCookieFor(victim);
    const { db } = await signInFromStolenCookie(stolen.cookie);
    const journal = collection(db, 'users', victim.uid, JOURNAL_ENTRIES);
    // Before revocation the browser's own sign-in reads the journal, as the portal's live updates need.
    expect((await getDocs(journal)).size).toBe(1);

    const owner = await sessionCookieFor(victim);
    await revokeDevice(
      request(`/api/devices/${stolen.deviceId}/revoke`, { method: 'POST', cookie: owner.cookie, body: {} }),
      routeContext({ deviceId: stolen.deviceId }),
    );

    await expect(getDocs(journal)).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(getDoc(doc(journal, entryId))).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(getDoc(doc(db, 'users', victim.uid))).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(getDocs(collection(db, 'users', victim.uid, 'mood_entries'))).rejects.toMatchObject({
      code: 'permission-denied',
    });
    // Its own device document stays readable, so an open tab learns it was revoked and signs out.
    expect((await getDoc(doc(db, 'users', victim.uid, 'devices', stolen.deviceId))).get('revokedAt')).not.toBeNull();
  });
});
