import 'server-only';
import { FieldValue, type Timestamp } from 'firebase-admin/firestore';
import { AppError } from '@/lib/errors/app-error';
import { getEnv } from '@/lib/config/env';
import { registerWebDevice, webDeviceIdFor } from '@/lib/devices/register-web-device';
import { revokeWebDevices } from '@/lib/devices/revoke-web-devices';
import { revokeDevice } from '@/lib/devices/update-device';
import { adminAuth } from '@/lib/firebase/admin';
import { readDoc } from '@/lib/firebase/metered';
import { deviceRef } from '@/lib/firebase/refs';
import { assertPasswordSignIn } from './password-sign-in';
import type { Caller } from './scope';

/** A new session needs a password entered within this window (Firebase's session-cookie guidance). */
export const RECENT_SIGN_IN_SECONDS = 5 * 60;
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export function sessionCookieName(): string {
  // `__Host-` pins the cookie to this exact origin, and browsers only accept it with Secure.
  return getEnv().secureCookies ? '__Host-wellsync_session' : 'wellsync_session';
}

export function sessionCookieOptions(maxAgeSeconds: number) {
  return {
    httpOnly: true,
    secure: getEnv().secureCookies,
    sameSite: 'lax' as const,
    path: '/',
    maxAge: maxAgeSeconds,
  };
}

export type NewSession = { cookie: string; deviceId: string; maxAgeSeconds: number };

/** Also registers this browser as a web device. */
export async function createSession(idToken: string, userAgent: string | null): Promise<NewSession> {
  const decoded = await adminAuth()
    .verifyIdToken(idToken, true)
    .catch((error: unknown) => {
      if (isAuthRejection(error))
        throw new AppError('unauthenticated', 'That sign-in could not be verified. Please sign in again.');
      throw error;
    });
  assertPasswordSignIn(decoded, 'unauthenticated');
  if (Date.now() / 1000 - decoded.auth_time > RECENT_SIGN_IN_SECONDS) {
    throw new AppError(
      'unauthenticated',
      'Your sign-in is too old to start a session. Please enter your password again.',
    );
  }
  const maxAgeSeconds = getEnv().sessionDays * 24 * 60 * 60;
  const cookie = await adminAuth().createSessionCookie(idToken, { expiresIn: maxAgeSeconds * 1000 });
  const deviceId = webDeviceIdFor(cookie);
  await registerWebDevice({ uid: decoded.uid }, deviceId, userAgent);
  return { cookie, deviceId, maxAgeSeconds };
}

export type SessionCheck = { status: 'ok'; caller: Caller } | { status: 'none' | 'invalid' | 'revoked' };

/** Called by every guard on every request; middleware is never relied on. */
export async function verifySession(cookie: string | undefined): Promise<SessionCheck> {
  if (!cookie) return { status: 'none' };
  let decoded;
  try {
    decoded = await adminAuth().verifySessionCookie(cookie, true);
  } catch (error) {
    if (isAuthRejection(error)) return { status: 'invalid' };
    throw error;
  }
  const deviceId = webDeviceIdFor(cookie);
  const scope = { uid: decoded.uid };
  const device = await readDoc(deviceRef(scope, deviceId));
  if (!device.exists || device.get('revokedAt') != null) return { status: 'revoked' };

  const lastSeen = device.get('lastSeenAt') as Timestamp | undefined;
  if (!lastSeen || Date.now() - lastSeen.toMillis() > TOUCH_AFTER_MS) {
    // Best effort: a failed touch must not fail the request.
    deviceRef(scope, deviceId)
      .update({ lastSeenAt: FieldValue.serverTimestamp() })
      .catch((error: unknown) => console.warn('[session] could not update lastSeenAt', (error as Error).message));
  }
  return {
    status: 'ok',
    caller: {
      uid: decoded.uid,
      deviceId,
      email: decoded.email ?? null,
      isAdmin: decoded.admin === true,
      authTime: decoded.auth_time,
    },
  };
}

/** Refresh tokens are left alone: revoking them would sign the user's phones out too (issue 13). */
export async function endSession(caller: Pick<Caller, 'uid' | 'deviceId'>): Promise<void> {
  await revokeDevice({ uid: caller.uid }, caller.deviceId);
}

/** Revokes every refresh token and web device (docs/architecture.md, "Sign-in and sessions"). */
export async function endAllSessions(scope: { uid: string }): Promise<void> {
  await adminAuth().revokeRefreshTokens(scope.uid);
  await revokeWebDevices(scope);
}

const AUTH_REJECTIONS = new Set([
  'auth/argument-error',
  'auth/id-token-expired',
  'auth/id-token-revoked',
  'auth/invalid-id-token',
  'auth/session-cookie-expired',
  'auth/session-cookie-revoked',
  'auth/invalid-session-cookie-duration',
  'auth/user-disabled',
  'auth/user-not-found',
]);

function isAuthRejection(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && AUTH_REJECTIONS.has(code);
}
