import 'server-only';
import { deleteUserMetricsDocs, findUserMetricsDocs } from '@/lib/metrics/user-metrics-docs';
import type { LocatedData, UserDataLocator } from './user-data-locator';

const USAGE = 'metrics/usage/user_months';
const AUDIT = 'audit_log';
const MENTIONS = 'metrics/rollups';

/** Reported by collection, so no receipt carries the pseudonym. */
export const metricsLocator: UserDataLocator = {
  name: 'admin-metrics',
  async find(scope) {
    const found = await findUserMetricsDocs(scope);
    return summarize(
      found.documents.map((ref) => ref.path),
      found.rollupsMentioning.length,
    );
  },
  async erase(scope, onDeleted) {
    const found = await findUserMetricsDocs(scope);
    const result = await deleteUserMetricsDocs(scope);
    onDeleted(result.deleted + result.scrubbed);
    return summarize(
      found.documents.map((ref) => ref.path),
      result.scrubbed,
    );
  },
};

function summarize(paths: string[], mentions: number): LocatedData[] {
  const usage = paths.filter((path) => path.startsWith(`${USAGE}/`)).length;
  const audit = paths.filter((path) => path.startsWith(`${AUDIT}/`)).length;
  return [
    { path: USAGE, count: usage, what: 'Your monthly sync usage, kept for cost monitoring under a pseudonymous id' },
    { path: AUDIT, count: audit, what: 'Admin audit-log entries about you or by you' },
    {
      path: MENTIONS,
      count: mentions,
      what: 'Mentions of your pseudonymous id in shared sync statistics (removed; the totals stay)',
    },
  ].filter((item) => item.count > 0);
}
