import type { EntryCollection } from '@/lib/contract/paths';
import type { ImportReport } from './import-report';

/** Where an import came from. */
export type ImportSource = 'wellsync' | 'daylio' | 'dayone';

/** The kinds an import reports on, each with its own rule (docs/data-rights.md, "How an import applies"). */
export const IMPORT_KINDS = ['profile', 'settings', 'devices', 'journal', 'mood', 'conflicts', 'sync_events'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type Outcome = 'new' | 'updated' | 'conflicting' | 'unchanged';
export type ImportCounts = Partial<Record<ImportKind, Record<Outcome, number>>>;

/**
 * An entry whose version is fixed by the file (a wellsync export carries rev, baseRev and deviceId), or one
 * migrated from another app, whose version the importer derives from the cloud's state as a device would.
 */
export type PlannedEntry =
  | {
      collection: EntryCollection;
      id: string;
      kind: 'exact';
      version: Record<string, unknown> & { rev: string; baseRev: string | null; deviceId: string };
    }
  | {
      collection: EntryCollection;
      id: string;
      kind: 'migrated';
      node: string;
      physicalMs: number;
      fields: Record<string, unknown>;
    };

/** A document that is not a protocol entry: profile and settings (newer wins), the rest added when missing. */
export type PlannedDoc = { kind: Exclude<ImportKind, 'journal' | 'mood'>; path: string; data: Record<string, unknown> };

/** What an import would write, and what the preview tells the user about the rest (`report`). */
export type ImportPlan = { source: ImportSource; docs: PlannedDoc[]; entries: PlannedEntry[]; report: ImportReport };

export const kindOfCollection = (collection: EntryCollection): ImportKind =>
  collection === 'journal_entries' ? 'journal' : 'mood';

export function emptyCounts(): Record<Outcome, number> {
  return { new: 0, updated: 0, conflicting: 0, unchanged: 0 };
}

export function planSize(plan: ImportPlan): number {
  return plan.docs.length + plan.entries.length;
}
