import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DELETE as signOut, POST as signIn } from '@/app/api/auth/session/route';
import { withAdmin, withUser } from '@/lib/api/guard';
import { deviceRef } from '@/lib/firebase/refs';
import { createTestUser, request, routeContext, sessionCookieFor, signInWithPassword } from '../helpers/users';

const echo = withUser(async ({ caller, body }) => ({ uid: caller.uid, body }), {
  body: z.object({ note: z.string().max(5) }),
});
const whoAmI = withUser(async ({ caller }) => ({ uid: caller.uid }));
const adminOnly = withAdmin(async ({ caller }) => ({ admin: caller.uid }));
const crash = withUser(async () => {
  throw new Error('secret internal detail: db password is hunter2');
});

describe('POST /api/auth/session', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie for a fresh sign-in', async () => {
    const user = await createTestUser();
    const response = await signIn(
      request('/api/auth/session', {
        method: 'POST',
        body: { idToken: await signInWithPassword(user), next: '/mood' },
      }),
      routeContext(),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, redirectTo: '/mood' });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^wellsync_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=lax/i);
    // localhost on http: no Secure, so no __Host- prefix (see lib/auth/session.ts).
    expect(setCookie).not.toMatch(/Secure/i);
  });

  it('never redirects off-site after sign-in', async () => {
    const user = await createTestUser();
    for (const next of ['https://evil.example/', '//evil.example', '/\\evil.example']) {
      const response = await signIn(
        request('/api/auth/session', { method: 'POST', body: { idToken: await signInWithPassword(user), next } }),
        routeContext(),
      );
      expect((await response.json()).redirectTo).toBe('/journal');
    }
  });

  it.each([
    ['no Origin', 403, { origin: null }],
    ['a null Origin', 403, { origin: 'null' }],
    ['another site', 403, { origin: 'https://evil.example' }],
    ['a form content type', 415, { contentType: 'application/x-www-form-urlencoded' }],
    ['a missing token', 422, { body: {} }],
    ['a token that is not a string', 422, { body: { idToken: 42 } }],
    ['an invalid token', 401, { body: { idToken: 'a'.repeat(100) } }],
  ] as const)('refuses %s with %i, and sets no cookie', async (_name, status, overrides) => {
    const response = await signIn(
      request('/api/auth/session', { method: 'POST', body: { idToken: 'a'.repeat(100) }, ...overrides }),
      routeContext(),
    );
    expect(response.status).toBe(status);
    const body = await response.json();
    expect(body.error.message).toEqual(expect.any(String));
    expect(body.error.requestId).toEqual(expect.any(String));
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('refuses malformed JSON and oversized bodies', async () => {
    const bad = await signIn(request('/api/auth/session', { method: 'POST', rawBody: '{"idToken": ' }), routeContext());
    expect(bad.status).toBe(400);
    const huge = await signIn(
      request('/api/auth/session', { method: 'POST', rawBody: JSON.stringify({ idToken: 'x'.repeat(300_000) }) }),
      routeContext(),
    );
    expect(huge.status).toBe(413);
  });
});

describe('withUser and withAdmin', () => {
  it('answers 401 to anonymous and unreadable sessions', async () => {
    expect((await whoAmI(request('/api/x'), routeContext())).status).toBe(401);
    const response = await whoAmI(request('/api/x', { cookie: 'garbage' }), routeContext());
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toMatch(/wellsync_session=;.*Max-Age=0/);
  });

  it('scopes to the verified caller and validates input', async () => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    expect(await (await whoAmI(request('/api/x', { cookie }), routeContext())).json()).toEqual({ uid: user.uid });
    const ok = await echo(request('/api/x', { method: 'POST', cookie, body: { note: 'hi' } }), routeContext());
    expect(await ok.json()).toEqual({ uid: user.uid, body: { note: 'hi' } });
    const invalid = await echo(
      request('/api/x', { method: 'POST', cookie, body: { note: 'far too long' } }),
      routeContext(),
    );
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.issues[0].path).toBe('note');
  });

  it('checks Origin on mutations even with a valid session', async () => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    const response = await echo(
      request('/api/x', { method: 'POST', cookie, body: { note: 'hi' }, origin: 'https://evil.example' }),
      routeContext(),
    );
    expect(response.status).toBe(403);
  });

  it('ends a revoked web session on its next request', async () => {
    const user = await createTestUser();
    const { cookie, deviceId } = await sessionCookieFor(user);
    await deviceRef(user, deviceId).update({ revokedAt: Timestamp.now() });
    const response = await whoAmI(request('/api/x', { cookie }), routeContext());
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toMatch(/devices page/);
  });

  it('hides admin routes from non-admins with 404', async () => {
    const user = await createTestUser();
    const admin = await createTestUser({ admin: true });
    expect(
      (await adminOnly(request('/api/admin/x', { cookie: (await sessionCookieFor(user)).cookie }), routeContext()))
        .status,
    ).toBe(404);
    expect((await adminOnly(request('/api/admin/x'), routeContext())).status).toBe(401);
    const allowed = await adminOnly(
      request('/api/admin/x', { cookie: (await sessionCookieFor(admin)).cookie }),
      routeContext(),
    );
    expect(await allowed.json()).toEqual({ admin: admin.uid });
  });

  it('never shows an internal error to the client', async () => {
    const user = await createTestUser();
    const response = await crash(request('/api/x', { cookie: (await sessionCookieFor(user)).cookie }), routeContext());
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/hunter2|secret internal|at .*\.ts/);
    expect(JSON.parse(text).error.message).toMatch(/Something went wrong on our side/);
  });
});

describe('DELETE /api/auth/session', () => {
  it('signs out: cookie cleared, session revoked', async () => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const response = await signOut(
      request('/api/auth/session', { method: 'DELETE', cookie, body: {} }),
      routeContext(),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/wellsync_session=;/);
    expect((await whoAmI(request('/api/x', { cookie }), routeContext())).status).toBe(401);
  });
});
