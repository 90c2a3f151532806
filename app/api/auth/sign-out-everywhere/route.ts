// Signs the account out of every phone and browser (refresh tokens revoked); plain sign-out ends this browser only.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { clearedSessionCookie, withUser } from '@/lib/api/guard';
import { endAllSessions } from '@/lib/auth/session';

export const POST = withUser(
  async ({ caller }) => {
    await endAllSessions(caller);
    return NextResponse.json(
      { ok: true },
      { headers: { 'Cache-Control': 'no-store', 'Set-Cookie': clearedSessionCookie() } },
    );
  },
  { body: z.object({}).strict() },
);
