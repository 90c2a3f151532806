import 'server-only';
import { FieldValue } from 'firebase-admin/firestore';
import { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import type { Caller } from '@/lib/auth/scope';
import { CONFLICTS } from '@/lib/contract/paths';
import { ZConflict } from '@/lib/contract/schemas';
import { adminDb } from '@/lib/firebase/admin';
import { countReads } from '@/lib/firebase/metered';
import { userDocRef } from '@/lib/firebase/refs';
import type { EntryVersion, PushResult } from '@/lib/sync/types';
import { REVERT_REFUSALS, revertSetAside, UNDO_DAYS, UNDO_KEEPS } from './revert-set-aside';
import { contentOf, writeResolvedVersion } from './write-resolved-version';

export const ZUndoAutoMergeRequest = z.object({ keep: z.enum(UNDO_KEEPS) }).strict();
export type UndoAutoMergeRequest = z.infer<typeof ZUndoAutoMergeRequest>;

/** docs/sync.md, "Resolving conflicts". `mergedRev` stays, so the record still says a merge happened. */
export async function undoAutoMerge(
  caller: Caller,
  conflictId: string,
  request: UndoAutoMergeRequest,
): Promise<{ resolution: 'restored' | 'kept-winner'; push: PushResult['decision'] }> {
  const conflictRef = userDocRef(caller, CONFLICTS, conflictId);
  return adminDb().runTransaction(async (tx) => {
    countReads(1);
    const snapshot = await tx.get(conflictRef);
    // Looked up under the caller's own uid: another user's conflict is simply not there (404, never 403).
    if (!snapshot.exists) throw new AppError('not-found', 'That conflict was not found.');
    const parsed = ZConflict.safeParse(snapshot.data());
    if (!parsed.success) throw new AppError('conflict', 'This conflict record is damaged and cannot be undone here.');
    const conflict = parsed.data;
    if (conflict.resolution !== 'auto-merged' || !conflict.resolvedAt) {
      throw new AppError('conflict', REVERT_REFUSALS['not-auto-merged']);
    }
    if (conflict.resolvedAt.toMillis() < Date.now() - UNDO_DAYS * 86_400_000) {
      throw new AppError('conflict', `Automatic merges can be undone for ${UNDO_DAYS} days; this one is older.`);
    }

    countReads(1);
    const current = (await tx.get(userDocRef(caller, conflict.collection, conflict.docId))).data() as
      EntryVersion | undefined;
    let content: Record<string, unknown>;
    if (request.keep === 'set-aside') content = contentOf(conflict.collection, conflict.data);
    else {
      const outcome = revertSetAside(conflict, current ?? null);
      if (!outcome.ok) throw new AppError('conflict', REVERT_REFUSALS[outcome.reason]);
      const { updatedAt: _updatedAt, ...reverted } = outcome.fields;
      content = reverted;
    }
    const push = await writeResolvedVersion(tx, caller, conflict, current, content);
    const resolution = request.keep === 'set-aside' ? 'restored' : 'kept-winner';
    tx.update(conflictRef, { resolvedAt: FieldValue.serverTimestamp(), resolution });
    return { resolution, push };
  });
}
