import 'server-only';
import { FieldValue } from 'firebase-admin/firestore';
import { z } from 'zod';
import { AppError, validationError } from '@/lib/errors/app-error';
import type { Caller } from '@/lib/auth/scope';
import { CONFLICTS } from '@/lib/contract/paths';
import { type CONFLICT_RESOLUTIONS, ZConflict } from '@/lib/contract/schemas';
import { adminDb } from '@/lib/firebase/admin';
import { countReads } from '@/lib/firebase/metered';
import { userDocRef } from '@/lib/firebase/refs';
import { ZJournalEdit } from '@/lib/journal/journal-edit';
import { ZMoodEdit } from '@/lib/mood/mood-edit';
import { MERGE_REFUSALS, tryMergeConflict } from './try-merge-conflict';
import { contentOf, writeResolvedVersion } from './write-resolved-version';
import type { EntryVersion, PushResult } from '@/lib/sync/types';

export const ZResolveConflictRequest = z.discriminatedUnion('choice', [
  z.object({ choice: z.literal('kept-winner') }),
  z.object({ choice: z.literal('restored') }),
  // Without fields, the server merges three ways from the conflict's base (tryMergeConflict).
  z.object({ choice: z.literal('merged'), fields: z.record(z.string(), z.unknown()).optional() }),
]);
export type ResolveConflictRequest = z.infer<typeof ZResolveConflictRequest>;

const EDIT = { journal_entries: ZJournalEdit, mood_entries: ZMoodEdit };

/** In one transaction with the stamp; the new edit's rev is after the cloud's, so every device pulls it. */
export async function resolveConflict(
  caller: Caller,
  conflictId: string,
  request: ResolveConflictRequest,
): Promise<{ resolution: (typeof CONFLICT_RESOLUTIONS)[number]; push: PushResult['decision'] | null }> {
  const db = adminDb();
  const conflictRef = userDocRef(caller, CONFLICTS, conflictId);
  return db.runTransaction(async (tx) => {
    countReads(1);
    const snapshot = await tx.get(conflictRef);
    if (!snapshot.exists) throw new AppError('not-found', 'That conflict was not found.');
    const parsed = ZConflict.safeParse(snapshot.data());
    if (!parsed.success) throw new AppError('conflict', 'This conflict record is damaged and cannot be resolved here.');
    const conflict = parsed.data;
    if (conflict.resolvedAt) throw new AppError('conflict', 'This conflict was already resolved.');
    const stamp = { resolvedAt: FieldValue.serverTimestamp(), resolution: request.choice };
    if (request.choice === 'kept-winner') {
      tx.update(conflictRef, stamp);
      return { resolution: request.choice, push: null };
    }

    const docRef = userDocRef(caller, conflict.collection, conflict.docId);
    countReads(1);
    const current = (await tx.get(docRef)).data() as EntryVersion | undefined;
    const loser = conflict.data as Record<string, unknown>;
    let content: Record<string, unknown>;
    if (request.choice === 'restored') {
      content = contentOf(conflict.collection, loser);
    } else if (!request.fields) {
      const outcome = tryMergeConflict(conflict, current ?? null);
      if (!outcome.ok) throw new AppError('conflict', MERGE_REFUSALS[outcome.reason]);
      const { updatedAt: _updatedAt, ...merged } = outcome.fields;
      content = merged;
    } else {
      const edit = EDIT[conflict.collection].safeParse(request.fields);
      if (!edit.success) throw validationError(edit.error, 'merged entry');
      content = { ...edit.data, deletedAt: null };
    }
    const decision = await writeResolvedVersion(tx, caller, conflict, current, content);
    tx.update(conflictRef, stamp);
    return { resolution: request.choice, push: decision };
  });
}
