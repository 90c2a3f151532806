import 'server-only';
import { Timestamp, type Transaction } from 'firebase-admin/firestore';
import { validationError } from '@/lib/errors/app-error';
import type { Caller } from '@/lib/auth/scope';
import { ZJournalEntry, ZMoodEntry, type Conflict } from '@/lib/contract/schemas';
import { formatRev, initialClock, receive, tick } from '@/lib/sync/hlc';
import { adminServerValues, adminTransactionPort } from '@/lib/sync/admin-cloud';
import { pushWithin } from '@/lib/sync/transaction-steps';
import type { EntryVersion, PushResult } from '@/lib/sync/types';

/** The content fields of each collection: what restoring a version copies from it. */
export const CONTENT = {
  journal_entries: ['title', 'body', 'tags', 'mood', 'createdAt', 'deletedAt'],
  mood_entries: ['score', 'emotions', 'activities', 'note', 'recordedAt', 'deletedAt'],
} as const;

const VERSION = {
  journal_entries: ZJournalEntry.omit({ syncedAt: true }).strict(),
  mood_entries: ZMoodEntry.omit({ syncedAt: true }).strict(),
};

export function contentOf(collection: Conflict['collection'], version: Record<string, unknown>) {
  return Object.fromEntries(CONTENT[collection].filter((key) => key in version).map((key) => [key, version[key]]));
}

/** Shared by resolving and undoing, so both write the same way: a fast-forward every device pulls. */
export async function writeResolvedVersion(
  tx: Transaction,
  caller: Caller,
  conflict: Pick<Conflict, 'collection' | 'docId' | 'rev' | 'data'>,
  current: EntryVersion | undefined,
  content: Record<string, unknown>,
): Promise<PushResult['decision']> {
  const now = Date.now();
  const clock = tick(receive(initialClock(caller.deviceId), current?.rev ?? conflict.rev, now), now);
  const { syncedAt: _syncedAt, ...basis } = (current ?? conflict.data) as Record<string, unknown>;
  const version = {
    ...basis,
    ...content,
    updatedAt: Timestamp.fromMillis(now),
    rev: formatRev(clock),
    baseRev: current?.rev ?? null,
    deviceId: caller.deviceId,
  };
  const checked = VERSION[conflict.collection].safeParse(version);
  if (!checked.success) throw validationError(checked.error, 'resolved entry');
  const edit = checked.data as EntryVersion;
  return (
    await pushWithin(adminTransactionPort(tx), adminServerValues, caller.uid, conflict.collection, conflict.docId, edit)
  ).decision;
}
