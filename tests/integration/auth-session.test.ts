import { Timestamp } from 'firebase-admin/firestore';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSession, endAllSessions, verifySession } from '@/lib/auth/session';
import { deviceRef } from '@/lib/firebase/refs';
import { createTestUser, sessionCookieFor, signInWithPassword } from '../helpers/users';

afterEach(() => vi.useRealTimers());

describe('sessions', () => {
  it('exchanges a fresh ID token for a session cookie and registers the browser as a web device', async () => {
    const user = await createTestUser();
    const { cookie, deviceId } = await sessionCookieFor(user);
    const check = await verifySession(cookie);
    expect(check.status).toBe('ok');
    if (check.status !== 'ok') return;
    expect(check.caller).toMatchObject({ uid: user.uid, deviceId, email: user.email, isAdmin: false });
    const device = (await deviceRef(user, deviceId).get()).data();
    expect(device).toMatchObject({ platform: 'web', name: 'Chrome on Linux', revokedAt: null, pendingChanges: 0 });
    expect(deviceId).toMatch(/^web-[0-9a-f]{20}$/);
    expect(deviceId).not.toContain(cookie.slice(0, 12));
  });

  it('refuses a sign-in older than five minutes', async () => {
    const user = await createTestUser();
    const idToken = await signInWithPassword(user);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 6 * 60 * 1000 });
    await expect(createSession(idToken, null)).rejects.toMatchObject({
      code: 'unauthenticated',
      message: expect.stringMatching(/too old/),
    });
  });

  it('refuses a forged or tampered token and cookie', async () => {
    await expect(createSession('x'.repeat(40), null)).rejects.toMatchObject({ code: 'unauthenticated' });
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    const [header, payload] = cookie.split('.');
    const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    forged.sub = 'someone-else';
    forged.user_id = 'someone-else';
    expect(
      (await verifySession(`${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.`)).status,
    ).not.toBe('ok');
    expect((await verifySession('not-a-cookie')).status).toBe('invalid');
    expect((await verifySession(undefined)).status).toBe('none');
  });

  it('ends a session whose web device was revoked', async () => {
    const user = await createTestUser();
    const { cookie, deviceId } = await sessionCookieFor(user);
    await deviceRef(user, deviceId).update({ revokedAt: Timestamp.now() });
    expect((await verifySession(cookie)).status).toBe('revoked');
  });

  it('signing out everywhere revokes refresh tokens, so every session of the user ends', async () => {
    const user = await createTestUser();
    const first = await sessionCookieFor(user);
    const second = await sessionCookieFor(user);
    // Revocation is recorded to the second: sessions from this very second would still pass.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await endAllSessions(user);
    expect((await verifySession(first.cookie)).status).toBe('invalid');
    expect((await verifySession(second.cookie)).status).toBe('invalid');
    expect((await deviceRef(user, second.deviceId).get()).get('revokedAt')).not.toBeNull();
  });

  it('carries the admin claim into the session', async () => {
    const admin = await createTestUser({ admin: true });
    const check = await verifySession((await sessionCookieFor(admin)).cookie);
    expect(check.status === 'ok' && check.caller.isAdmin).toBe(true);
  });
});
