import { compareRevs } from './hlc';

type Revisioned = { rev: string; baseRev: string | null };

export type PushDecision = 'fast-forward' | 'already-applied' | 'local-wins' | 'cloud-wins';

/** docs/contract.md, "Push"; pure so it can be tested exhaustively. */
export function decidePush(cloud: Revisioned | null, local: Revisioned): PushDecision {
  if (!cloud) return 'fast-forward';
  if (cloud.rev === local.rev || cloud.baseRev === local.rev) return 'already-applied';
  if (cloud.rev === local.baseRev) return 'fast-forward';
  return compareRevs(local.rev, cloud.rev) > 0 ? 'local-wins' : 'cloud-wins';
}

/** Derived from the loser, so a retry after an ambiguous commit finds its doc instead of recording it twice. */
export async function conflictIdFor(collection: string, docId: string, loserRev: string): Promise<string> {
  const bytes = new TextEncoder().encode(`${collection}/${docId}/${loserRev}`);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}
