import { hash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Stable: the same file imported twice addresses the same documents. */
export function migratedEntryId(source: string, sourceKey: string, atMs: number): string {
  // One-shot hashing: a Day One file of 10,000 entries spent most of its parse creating Hash objects.
  const random = hash('sha256', `${source}\u0000${sourceKey}`, 'buffer');
  return uuidv7({ msecs: Math.max(0, Math.floor(atMs)), random });
}

export const MIGRATION_NODES = { daylio: 'import-daylio', dayone: 'import-dayone' } as const;
