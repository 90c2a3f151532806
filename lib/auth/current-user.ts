import 'server-only';
import { cookies, headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { safeReturnPath } from './safe-return-path';
import type { AdminScope, Caller } from './scope';
import { sessionCookieName, verifySession, type SessionCheck } from './session';

export const currentSession = cache(async (): Promise<SessionCheck> => {
  const jar = await cookies();
  return verifySession(jar.get(sessionCookieName())?.value);
});

/** The header proxy.ts sets with the requested path, so sign-in can return there. It is a convenience, never a check. */
export const PATH_HEADER = 'x-wellsync-path';

export async function requireUser(): Promise<Caller> {
  const session = await currentSession();
  if (session.status === 'ok') return session.caller;
  const returnTo = safeReturnPath((await headers()).get(PATH_HEADER));
  const reason = session.status === 'none' ? '' : `&reason=${session.status}`;
  redirect(`/signin?next=${encodeURIComponent(returnTo)}${reason}`);
}

/** For admin pages: non-admins get the same 404 as a page that does not exist. */
export async function requireAdmin(): Promise<Caller & AdminScope> {
  const caller = await requireUser();
  if (!caller.isAdmin) notFound();
  return caller as Caller & AdminScope;
}
