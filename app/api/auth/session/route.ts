// Sign-in and sign-out of this browser (signing out every device is POST /api/auth/sign-out-everywhere).
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { clearedSessionCookie, withPublic, withUser } from '@/lib/api/guard';
import { RATE_LIMITS } from '@/lib/api/rate-limit';
import { safeReturnPath } from '@/lib/auth/safe-return-path';
import { createSession, endSession, sessionCookieName, sessionCookieOptions } from '@/lib/auth/session';

const ZCreateSessionRequest = z.object({
  idToken: z.string().min(20).max(8192),
  next: z.string().max(2048).optional(),
});

export const POST = withPublic(
  async ({ req, body }) => {
    const session = await createSession(body.idToken, req.headers.get('user-agent'));
    const response = NextResponse.json(
      { ok: true, redirectTo: safeReturnPath(body.next) },
      { headers: { 'Cache-Control': 'no-store' } },
    );
    response.cookies.set(sessionCookieName(), session.cookie, sessionCookieOptions(session.maxAgeSeconds));
    return response;
  },
  { body: ZCreateSessionRequest, rateLimit: RATE_LIMITS.signIn },
);

/** Phones stay signed in; an already-ended session gets 401 from the guard, which clears its cookie all the same. */
export const DELETE = withUser(
  async ({ caller }) => {
    await endSession(caller);
    return NextResponse.json(
      { ok: true },
      { headers: { 'Cache-Control': 'no-store', 'Set-Cookie': clearedSessionCookie() } },
    );
  },
  { body: z.object({}).strict() },
);
