import 'server-only';
import { FieldPath } from 'firebase-admin/firestore';
import { RATE_LIMITS, RATE_LIMITS_COLLECTION, rateLimitKeyPrefix } from '@/lib/api/rate-limit';
import { adminDb } from '@/lib/firebase/admin';
import { runQuery } from '@/lib/firebase/metered';
import type { UserScope } from '@/lib/auth/scope';
import type { LocatedData, UserDataLocator } from './user-data-locator';

/** They expire within the hour, but a hash of the uid is still the user's data. */
export const rateLimitLocator: UserDataLocator = {
  name: 'rate-limits',
  async find(scope) {
    return summarize((await userCounters(scope)).length);
  },
  async erase(scope, onDeleted) {
    const counters = await userCounters(scope);
    const writer = adminDb().bulkWriter();
    for (const ref of counters) void writer.delete(ref);
    await writer.close();
    onDeleted(counters.length);
    return summarize(counters.length);
  },
};

async function userCounters(scope: UserScope) {
  const rules = Object.values(RATE_LIMITS).filter((rule) => rule.by === 'user');
  const found = await Promise.all(
    rules.map(async (rule) => {
      const prefix = rateLimitKeyPrefix(rule, scope.uid);
      const query = adminDb()
        .collection(RATE_LIMITS_COLLECTION)
        .where(FieldPath.documentId(), '>=', prefix)
        .where(FieldPath.documentId(), '<', `${prefix}\uf8ff`);
      return (await runQuery(query)).docs.map((doc) => doc.ref);
    }),
  );
  return found.flat();
}

function summarize(count: number): LocatedData[] {
  return count > 0
    ? [
        {
          path: RATE_LIMITS_COLLECTION,
          count,
          what: 'Counters of how often you started exports, imports, erasure or cloud-copy removal this hour, kept to limit abuse',
        },
      ]
    : [];
}
