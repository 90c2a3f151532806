// Sign-in and sign-out: exchanges a fresh Firebase ID token for an HttpOnly session cookie, and back.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { withPublic } from '@/lib/api/guard';
import { RATE_LIMITS } from '@/lib/api/rate-limit';
import { safeReturnPath } from '@/lib/auth/current-user';
import { createSession, endSessions, sessionCookieName, sessionCookieOptions, verifySession } from '@/lib/auth/session';

const ZCreateSessionRequest = z.object({
  idToken: z.string().min(20).max(8192),
  next: z.string().max(2048).optional(),
});

export const POST = withPublic(
  async ({ req, body }) => {
    const session = await createSession(body.idToken, req.headers.get('user-agent'));
    const response = NextResponse.json({ ok: true, redirectTo: safeReturnPath(body.next) }, { headers: { 'Cache-Control': 'no-store' } });
    response.cookies.set(sessionCookieName(), session.cookie, sessionCookieOptions(session.maxAgeSeconds));
    return response;
  },
  { body: ZCreateSessionRequest, rateLimit: RATE_LIMITS.signIn },
);

/** Ends the session: refresh tokens revoked (when the session was still valid) and the cookie cleared either way. */
export const DELETE = withPublic(async ({ req }) => {
  const session = await verifySession(req.cookies.get(sessionCookieName())?.value);
  if (session.status === 'ok') await endSessions(session.caller);
  const response = NextResponse.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
  response.cookies.set(sessionCookieName(), '', { ...sessionCookieOptions(0), maxAge: 0 });
  return response;
});
