import 'server-only';
import type { UserScope } from '@/lib/auth/scope';
import { adminAuth } from '@/lib/firebase/admin';
import type { LocatedData, UserDataLocator } from './user-data-locator';

const WHAT = 'Your sign-in account (email, password hash, sign-in times)';
const isNotFound = (error: unknown) => (error as { code?: string }).code === 'auth/user-not-found';

/** The Firebase Auth account. Erased last, after the sessions are revoked and the data is gone. */
export const authAccountLocator: UserDataLocator = {
  name: 'auth-account',
  async find(scope: UserScope): Promise<LocatedData[]> {
    try {
      await adminAuth().getUser(scope.uid);
      return [{ path: `auth/users/${scope.uid}`, count: 1, what: WHAT }];
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  },
  async erase(scope, onDeleted) {
    try {
      await adminAuth().deleteUser(scope.uid);
      onDeleted(1);
      return [{ path: `auth/users/${scope.uid}`, count: 1, what: WHAT }];
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  },
};
