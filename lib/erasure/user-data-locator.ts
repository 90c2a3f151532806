import type { UserScope } from '@/lib/auth/scope';

/** Data found for a user at one place, and how much. `path` is where it lives, with the user's real id in it. */
export type LocatedData = { path: string; count: number; what: string };

/**
 * Something that can find and delete one kind of a user's data. Erasure asks every registered locator
 * (lib/erasure/user-data-locators.ts), so data a feature keeps outside `users/{uid}` is found as long as that
 * feature registers a locator for it.
 */
export type UserDataLocator = {
  name: string;
  find(scope: UserScope): Promise<LocatedData[]>;
  /** Deletes everything `find` reports; returns what it deleted. `onDeleted` ticks per document. */
  erase(scope: UserScope, onDeleted: (count: number) => void): Promise<LocatedData[]>;
};
