import 'server-only';
import { firestoreUserTreeLocator } from './firestore-user-tree-locator';
import { metricsLocator } from './metrics-locator';
import { rateLimitLocator } from './rate-limit-locator';
import type { UserDataLocator } from './user-data-locator';

/** Register per-user data kept outside `users/{uid}` here; tests/integration/erasure-scan.test.ts checks it. */
// The user's own tree goes first: the metrics locator runs after their sync history is gone, so a rollup cannot
// write their usage back (lib/metrics/user-metrics-docs.ts).
export const USER_DATA_LOCATORS: readonly UserDataLocator[] = [
  firestoreUserTreeLocator,
  metricsLocator,
  rateLimitLocator,
];
