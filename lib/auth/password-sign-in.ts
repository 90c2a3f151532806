import 'server-only';
import type { DecodedIdToken } from 'firebase-admin/auth';
import { AppError, type ErrorCode } from '@/lib/errors/app-error';

export const PASSWORD_SIGN_IN_REQUIRED = 'Sign in with your password to continue.';

/**
 * Step-up checks (a new session cookie, erasure) accept only a password sign-in. The portal hands its own browser
 * SDK a custom token minted from the session cookie, and that sign-in has a fresh `auth_time` too: without this
 * check, a stolen cookie became a "recent sign-in" (issue 13). Custom-token sign-ins say `custom`.
 */
export function assertPasswordSignIn(
  decoded: DecodedIdToken,
  code: Extract<ErrorCode, 'unauthenticated' | 'forbidden'>,
): void {
  if (decoded.firebase?.sign_in_provider !== 'password') throw new AppError(code, PASSWORD_SIGN_IN_REQUIRED);
}
