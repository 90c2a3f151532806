import type { UserScope } from '@/lib/auth/scope';

export type LocatedData = { path: string; count: number; what: string };

/** Data kept outside `users/{uid}` is found as long as its feature registers a locator. */
export type UserDataLocator = {
  name: string;
  find(scope: UserScope): Promise<LocatedData[]>;
  erase(scope: UserScope, onDeleted: (count: number) => void): Promise<LocatedData[]>;
};
