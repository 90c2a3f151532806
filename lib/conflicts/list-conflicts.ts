import 'server-only';
import { Timestamp } from 'firebase-admin/firestore';
import type { UserScope } from '@/lib/auth/scope';
import { parseDocs, type WithId } from '@/lib/contract/parse-docs';
import { CONFLICTS } from '@/lib/contract/paths';
import { ZConflict, type Conflict } from '@/lib/contract/schemas';
import { adminDb } from '@/lib/firebase/admin';
import { readDocs, runCount, runQuery } from '@/lib/firebase/metered';
import { userCollection, userDocRef } from '@/lib/firebase/refs';
import { UNDO_DAYS } from './revert-set-aside';

export type ConflictWithWinner = WithId<Conflict> & { winner: Record<string, unknown> | null };

const unresolved = (scope: UserScope) => userCollection(scope, CONFLICTS).where('resolvedAt', '==', null);

/** An automatic merge is stamped resolved when written, so it never counts here. */
export function countUnresolvedConflicts(scope: UserScope): Promise<number> {
  return runCount(unresolved(scope));
}

export async function listUnresolvedConflicts(scope: UserScope, limit = 50): Promise<ConflictWithWinner[]> {
  const { items } = parseDocs(
    ZConflict,
    (await runQuery(unresolved(scope).orderBy('detectedAt', 'desc').limit(limit))).docs,
  );
  const winners = await readDocs(
    adminDb(),
    items.map((conflict) => userDocRef(scope, conflict.collection, conflict.docId)),
  );
  return items.map((conflict, i) => ({ ...conflict, winner: winners[i]?.data() ?? null }));
}

/** Index: resolution, resolvedAt. */
export async function listRecentAutoMerges(
  scope: UserScope,
  nowMs = Date.now(),
  limit = 50,
): Promise<ConflictWithWinner[]> {
  const since = Timestamp.fromMillis(nowMs - UNDO_DAYS * 86_400_000);
  const query = userCollection(scope, CONFLICTS)
    .where('resolution', '==', 'auto-merged')
    .where('resolvedAt', '>=', since)
    .orderBy('resolvedAt', 'desc')
    .limit(limit);
  const { items } = parseDocs(ZConflict, (await runQuery(query)).docs);
  const winners = await readDocs(
    adminDb(),
    items.map((conflict) => userDocRef(scope, conflict.collection, conflict.docId)),
  );
  return items.map((conflict, i) => ({ ...conflict, winner: winners[i]?.data() ?? null }));
}
