import { compareRevs } from './hlc';

type Revisioned = { rev: string; baseRev: string | null };

export type PushDecision = 'fast-forward' | 'already-applied' | 'local-wins' | 'cloud-wins';

/**
 * The heart of the push (docs/contract.md, "Push"), pure so it can be tested exhaustively.
 * - No cloud doc, or the cloud is what the edit was based on: fast-forward.
 * - The cloud already holds this version, or a version built on it (a retry after an ambiguous commit): done.
 * - Otherwise both sides changed: the greater rev wins and the other goes to `conflicts`, whole.
 */
export function decidePush(cloud: Revisioned | null, local: Revisioned): PushDecision {
  if (!cloud) return 'fast-forward';
  if (cloud.rev === local.rev || cloud.baseRev === local.rev) return 'already-applied';
  if (cloud.rev === local.baseRev) return 'fast-forward';
  return compareRevs(local.rev, cloud.rev) > 0 ? 'local-wins' : 'cloud-wins';
}

/**
 * The id of the conflict doc for a losing version: derived from what lost, so that retrying a push whose
 * commit was ambiguous finds the doc it may already have written instead of recording the loser twice.
 */
export async function conflictIdFor(collection: string, docId: string, loserRev: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${collection}/${docId}/${loserRev}`);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}
