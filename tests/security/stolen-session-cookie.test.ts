// Issue 13, A: a copy of a browser's session cookie must not become more than that browser session. The custom
// token the portal mints for its own Firebase SDK signs in with `sign_in_provider: custom` and a fresh auth_time,
// so without these checks it passed as a "recent sign-in" (erasure), bought a new session cookie that outlived
// revoking the stolen browser, and read the journal through the rules until the ID token expired.
import { describe, expect, it } from 'vitest';
import { POST as eraseAccount } from '@/app/api/data/erasure/route';
import { POST as createSession } from '@/app/api/auth/session/route';
import { JOURNAL_ENTRIES } from '@/lib/contract/paths';
import { ERASE_PHRASE } from '@/lib/erasure/erasure-receipt';
import { adminAuth } from '@/lib/firebase/admin';
import { userCollection, userRef } from '@/lib/firebase/refs';
import { createTestUser, putJournalEntry, request, routeContext, sessionCookieFor } from '../helpers/users';
import { claimsOf, signInFromStolenCookie } from './attacker';

describe('a stolen session cookie', () => {
  it('cannot erase the account through a custom-token sign-in', async () => {
    const victim = await createTestUser();
    await putJournalEntry(victim, { title: 'private' });
    const { cookie } = await sessionCookieFor(victim);
    const { idToken } = await signInFromStolenCookie(cookie);
    expect(claimsOf(idToken)).toMatchObject({ firebase: { sign_in_provider: 'custom' } });

    const response = await eraseAccount(request('/api/data/erasure', { method: 'POST', cookie, body: { idToken, phrase: ERASE_PHRASE } }), routeContext());
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

    const response = await createSession(request('/api/auth/session', { method: 'POST', body: { idToken } }), routeContext());
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toMatch(/Sign in with your password to continue/);
    expect(response.headers.get('set-cookie') ?? '').not.toMatch(/wellsync_session=[^;]/);
  });

});
