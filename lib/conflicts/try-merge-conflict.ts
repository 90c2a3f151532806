import type { Conflict } from '@/lib/contract/schemas';
import { mergeEntry, type MergeFailure, type MergeOutcome } from '@/lib/sync/merge/merge-entry';

type Version = Record<string, unknown> & { rev: string };

/** Pure, so the page can preview it and the server can write it; the base is still an ancestor of both. */
export function tryMergeConflict(
  conflict: Pick<Conflict, 'collection' | 'data' | 'base' | 'resolvedAt'>,
  current: Record<string, unknown> | null,
): MergeOutcome {
  if (conflict.resolvedAt) return { ok: false, reason: 'already-resolved' };
  if (!conflict.base) return { ok: false, reason: 'no-base' };
  if (typeof current?.rev !== 'string' || typeof conflict.data.rev !== 'string')
    return { ok: false, reason: 'no-cloud-version' };
  return mergeEntry(conflict.collection, conflict.base as Version, conflict.data as Version, current as Version);
}

export const MERGE_REFUSALS: Record<MergeFailure, string> = {
  tombstone: 'One side deleted this entry, so it cannot be merged automatically.',
  'changed-on-both-sides': 'Both versions changed the same part differently; choose one or merge by hand.',
  'invalid-result': 'The merged entry would be too long for the entry limits; merge by hand.',
  'no-base': 'This conflict does not record the version both sides started from, so it cannot be merged automatically.',
  'no-cloud-version': 'The entry is no longer in the cloud.',
  'already-resolved': 'This conflict was already resolved.',
};
