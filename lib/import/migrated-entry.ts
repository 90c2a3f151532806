import { hash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/**
 * A stable wellsync id for an entry migrated from another app: a UUIDv7 whose time is the entry's own and whose
 * random bits are a hash of the source's identity for it, so importing the same file twice addresses the same
 * documents (and the second import finds everything unchanged).
 */
export function migratedEntryId(source: string, sourceKey: string, atMs: number): string {
  // One-shot hashing: a Day One file of 10,000 entries spent most of its parse creating Hash objects.
  const random = hash('sha256', `${source}\u0000${sourceKey}`, 'buffer');
  return uuidv7({ msecs: Math.max(0, Math.floor(atMs)), random });
}

/** The device ids migrated entries are written as, one per source app. */
export const MIGRATION_NODES = { daylio: 'import-daylio', dayone: 'import-dayone' } as const;
