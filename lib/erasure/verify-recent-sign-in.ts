import 'server-only';
import { AppError } from '@/lib/errors/app-error';
import { assertPasswordSignIn } from '@/lib/auth/password-sign-in';
import { RECENT_SIGN_IN_SECONDS } from '@/lib/auth/session';
import type { Caller } from '@/lib/auth/scope';
import { adminAuth } from '@/lib/firebase/admin';

/** A stolen cookie alone can never erase an account, including through the portal's custom token. */
export async function verifyRecentSignIn(caller: Caller, idToken: string, now = Date.now()): Promise<void> {
  let decoded;
  try {
    decoded = await adminAuth().verifyIdToken(idToken, true);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('auth/'))
      throw new AppError('forbidden', 'Your password could not be confirmed. Enter it again.');
    throw error;
  }
  assertPasswordSignIn(decoded, 'forbidden');
  if (decoded.uid !== caller.uid)
    throw new AppError(
      'forbidden',
      'That password belongs to another account. Enter the password of the account you are signed in to.',
    );
  if (now / 1000 - decoded.auth_time > RECENT_SIGN_IN_SECONDS)
    throw new AppError('forbidden', 'Your password was entered more than 5 minutes ago. Enter it again to confirm.');
}
