import 'server-only';
import { randomUUID } from 'node:crypto';
import type { DocumentReference } from 'firebase-admin/firestore';
import { assertUserScope, type UserScope } from '@/lib/auth/scope';
import { adminDb } from '@/lib/firebase/admin';
import { readDoc, runQuery } from '@/lib/firebase/metered';
import { auditLogCollection } from '@/lib/audit/audit-refs';
import { costMonthsCollection, syncDaysCollection, userMonthsCollection } from './metrics-refs';
import { pseudonymFor } from './pseudonymous-id';
import { withLease } from './rollup-lease';
import type { CostMonthDoc, DayRollup, SyncDaysDoc } from './rollup-types';

/** Rollup counts hold no identifier and stay; only the pseudonymous id is removed from them. */
export type UserMetricsDocs = { pid: string; documents: DocumentReference[]; rollupsMentioning: DocumentReference[] };

export async function findUserMetricsDocs(scope: UserScope): Promise<UserMetricsDocs> {
  const uid = assertUserScope(scope);
  const pid = await pseudonymFor(uid);
  const [usage, asActor, asSubject, days, costs] = await Promise.all([
    runQuery(userMonthsCollection().where('pid', '==', pid)),
    runQuery(auditLogCollection().where('actorUid', '==', uid)),
    runQuery(auditLogCollection().where('subjectUid', '==', uid)),
    runQuery(syncDaysCollection().where('members', 'array-contains', pid)),
    runQuery(costMonthsCollection().where('topPids', 'array-contains', pid)),
  ]);
  const unique = (refs: DocumentReference[]) => [...new Map(refs.map((ref) => [ref.path, ref])).values()];
  return {
    pid,
    documents: unique([...usage.docs, ...asActor.docs, ...asSubject.docs].map((doc) => doc.ref)),
    rollupsMentioning: unique([...days.docs, ...costs.docs].map((doc) => doc.ref)),
  };
}

/** Holds the aggregator's lease, so a rollup cannot write the user back afterwards. */
export async function deleteUserMetricsDocs(scope: UserScope): Promise<{ deleted: number; scrubbed: number }> {
  return withLease(
    `erasure-${randomUUID()}`,
    async () => {
      const found = await findUserMetricsDocs(scope);
      const writer = adminDb().bulkWriter();
      for (const ref of found.documents) void writer.delete(ref);
      await writer.close();
      for (const ref of found.rollupsMentioning) {
        const snapshot = await readDoc(ref);
        if (!snapshot.exists) continue;
        await ref.set(withoutPid(snapshot.data() as SyncDaysDoc | CostMonthDoc, found.pid));
      }
      return { deleted: found.documents.length, scrubbed: found.rollupsMentioning.length };
    },
    { waitMs: 60_000 },
  );
}

function withoutPid<T extends SyncDaysDoc | CostMonthDoc>(data: T, pid: string): T {
  const drop = (ids: string[] | undefined) => ids?.filter((id) => id !== pid);
  if ('topPids' in data) {
    return {
      ...data,
      topPids: data.topPids.filter((id) => id !== pid),
      top: data.top.filter((user) => user.pid !== pid),
    };
  }
  const scrubGroup = <G extends { members?: string[] }>(group: G): G =>
    group.members ? { ...group, members: drop(group.members) } : group;
  const scrubMap = <G extends { members?: string[] }>(groups: Record<string, G>) =>
    Object.fromEntries(Object.entries(groups).map(([key, group]) => [key, scrubGroup(group)]));
  const days = Object.fromEntries(
    Object.entries(data.days).map(([day, rollup]): [string, DayRollup] => [
      day,
      {
        ...scrubGroup(rollup),
        byPlatform: scrubMap(rollup.byPlatform),
        byRelease: scrubMap(rollup.byRelease),
        byError: scrubMap(rollup.byError),
      },
    ]),
  );
  return { ...data, days, members: drop(data.members) ?? [] };
}
