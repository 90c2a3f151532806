import 'server-only';
import type { DecodedIdToken } from 'firebase-admin/auth';
import { AppError, type ErrorCode } from '@/lib/errors/app-error';

export const PASSWORD_SIGN_IN_REQUIRED = 'Sign in with your password to continue.';

/** A custom-token sign-in also has a fresh `auth_time`: without this, a stolen cookie became "recent" (issue 13). */
export function assertPasswordSignIn(
  decoded: DecodedIdToken,
  code: Extract<ErrorCode, 'unauthenticated' | 'forbidden'>,
): void {
  if (decoded.firebase?.sign_in_provider !== 'password') throw new AppError(code, PASSWORD_SIGN_IN_REQUIRED);
}
