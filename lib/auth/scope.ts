import { AppError } from '@/lib/errors/app-error';

/** Never an optional uid: an undefined author id is how shadcn/taxonomy's unauthenticated DELETE got through. */
export type UserScope = { readonly uid: string };
export type AdminScope = UserScope & { readonly isAdmin: true };

export type Caller = UserScope & {
  readonly deviceId: string;
  readonly email: string | null;
  readonly isAdmin: boolean;
  /** When the user last entered their password (seconds since the epoch). */
  readonly authTime: number;
};

const UID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export function assertUserScope(scope: UserScope): string {
  if (typeof scope?.uid !== 'string' || !UID_PATTERN.test(scope.uid)) {
    throw new AppError('unauthenticated', 'Please sign in.');
  }
  return scope.uid;
}

/** Admin data functions call this themselves: the route guard is not the only check. Non-admins see 404. */
export function assertAdmin(scope: UserScope & { isAdmin?: boolean }): asserts scope is AdminScope {
  assertUserScope(scope);
  if (scope.isAdmin !== true) throw new AppError('not-found', 'Not found.');
}
