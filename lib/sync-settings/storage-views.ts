import 'server-only';
import type { DocumentData } from 'firebase-admin/firestore';
import { JOURNAL_ENTRIES, MOOD_ENTRIES, type EntryCollection } from '@/lib/contract/paths';
import type { DerivedViewSpec } from '@/lib/derived-views/derived-view';
import { automaticIndexSize, documentSize, type StoredValue } from '@/lib/metrics/firestore-storage-size';

export type StorageRecord = { b: number };

/** Tombstones count too: they are stored until erased. */
function storageView(collection: EntryCollection): DerivedViewSpec<StorageRecord> {
  return {
    name: `${collection}-storage`,
    version: 1,
    collection,
    toRecord(data: DocumentData, _id: string, path: string) {
      const fields = data as Record<string, StoredValue>;
      return { b: documentSize(path, fields) + automaticIndexSize(path, fields) };
    },
  };
}

export const STORAGE_VIEWS = { journal: storageView(JOURNAL_ENTRIES), mood: storageView(MOOD_ENTRIES) } as const;
