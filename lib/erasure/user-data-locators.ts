import 'server-only';
import { firestoreUserTreeLocator } from './firestore-user-tree-locator';
import { metricsLocator } from './metrics-locator';
import { rateLimitLocator } from './rate-limit-locator';
import type { UserDataLocator } from './user-data-locator';

/**
 * Every place wellsync keeps a user's data, apart from the Auth account (erased last, see erase-user.ts).
 * A feature that stores per-user data outside `users/{uid}` (admin metrics, audit log entries, rate-limit counters) adds its locator
 * here; the inventory, the deletion and the receipt then include it, and the whole-database scan test
 * (tests/integration/erasure-scan.test.ts) proves nothing of the user is left behind.
 */
// The user's own tree goes first: the metrics locator runs after their sync history is gone, so a rollup cannot
// write their usage back (lib/metrics/user-metrics-docs.ts).
export const USER_DATA_LOCATORS: readonly UserDataLocator[] = [
  firestoreUserTreeLocator,
  metricsLocator,
  rateLimitLocator,
];
