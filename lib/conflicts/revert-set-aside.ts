import type { Conflict } from '@/lib/contract/schemas';
import { mergeEntry, same, type MergeOutcome } from '@/lib/sync/merge/merge-entry';

type Version = Record<string, unknown> & { rev: string };

/** How long an automatic merge stays listed, and can be undone, on the Conflicts page. */
export const UNDO_DAYS = 30;

export const UNDO_KEEPS = ['set-aside', 'other'] as const;
export type UndoKeep = (typeof UNDO_KEEPS)[number];

export type RevertOutcome = { ok: true; fields: Record<string, unknown> } | { ok: false; reason: RevertRefusal };
export type RevertRefusal = 'not-auto-merged' | 'no-cloud-version' | 'tombstone' | 'entangled';

/** Why: docs/sync.md, "Resolving conflicts" (the winner is rebuilt as `git revert` does, or refused). */
export function revertSetAside(
  conflict: Pick<Conflict, 'collection' | 'data' | 'base' | 'resolution' | 'mergedRev'>,
  current: Record<string, unknown> | null,
): RevertOutcome {
  const [base, setAside] = [conflict.base as Version | null | undefined, conflict.data as Version];
  if (conflict.resolution !== 'auto-merged' || !base || typeof base.rev !== 'string') {
    return { ok: false, reason: 'not-auto-merged' };
  }
  if (typeof current?.rev !== 'string') return { ok: false, reason: 'no-cloud-version' };
  if (current.deletedAt != null) return { ok: false, reason: 'tombstone' };
  const reverted = mergeEntry(conflict.collection, setAside, current as Version, base);
  if (!reverted.ok) return { ok: false, reason: reverted.reason === 'tombstone' ? 'tombstone' : 'entangled' };
  if (current.rev === conflict.mergedRev && !remerges(conflict.collection, base, setAside, reverted, current)) {
    return { ok: false, reason: 'entangled' };
  }
  return { ok: true, fields: reverted.fields };
}

/** Whether merging the rebuilt winner with the set-aside version again gives exactly the merge the cloud holds. */
function remerges(
  collection: Conflict['collection'],
  base: Version,
  setAside: Version,
  reverted: Extract<MergeOutcome, { ok: true }>,
  merge: Record<string, unknown>,
): boolean {
  // The rebuilt winner takes the merge's rev: it stands for the side that won, whose rev was the greater one.
  const winner = { ...reverted.fields, rev: String(merge.rev) };
  const again = mergeEntry(collection, base, setAside, winner);
  if (!again.ok) return false;
  return Object.keys(again.fields).every((key) => key === 'updatedAt' || same(again.fields[key], merge[key]));
}

export const REVERT_REFUSALS: Record<RevertRefusal, string> = {
  'not-auto-merged': 'This conflict was not merged automatically, or its merge was already undone.',
  'no-cloud-version': 'The entry is no longer in the cloud.',
  tombstone: 'The entry was deleted since the merge; restore the set-aside version instead.',
  entangled: 'The two versions are too intertwined to take one back out; restore the set-aside version instead.',
};
