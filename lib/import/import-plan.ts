import type { EntryCollection } from '@/lib/contract/paths';
import type { ImportReport } from './import-report';

export type ImportSource = 'wellsync' | 'daylio' | 'dayone';

export const IMPORT_KINDS = ['profile', 'settings', 'devices', 'journal', 'mood', 'conflicts', 'sync_events'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type Outcome = 'new' | 'updated' | 'conflicting' | 'unchanged';
export type ImportCounts = Partial<Record<ImportKind, Record<Outcome, number>>>;

/** A migrated entry's version is derived from the cloud's state, as a device would. */
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

export type PlannedDoc = { kind: Exclude<ImportKind, 'journal' | 'mood'>; path: string; data: Record<string, unknown> };

export type ImportPlan = { source: ImportSource; docs: PlannedDoc[]; entries: PlannedEntry[]; report: ImportReport };

export const kindOfCollection = (collection: EntryCollection): ImportKind =>
  collection === 'journal_entries' ? 'journal' : 'mood';

export function emptyCounts(): Record<Outcome, number> {
  return { new: 0, updated: 0, conflicting: 0, unchanged: 0 };
}

export function planSize(plan: ImportPlan): number {
  return plan.docs.length + plan.entries.length;
}
