import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { readDeadlineMs, withDeadline } from './with-deadline';
import type { DocumentReference, DocumentSnapshot, Firestore, Query, QuerySnapshot } from 'firebase-admin/firestore';

/** Every read in lib/ is counted here, by Firestore's billing rules, to hold pages to their read budgets. */
type Meter = { reads: number };
const meters = new AsyncLocalStorage<Meter>();

export async function withReadMeter<T>(run: () => Promise<T>): Promise<{ result: T; reads: number }> {
  const meter: Meter = { reads: 0 };
  const result = await meters.run(meter, run);
  return { result, reads: meter.reads };
}

/** Counts reads made some other way (inside a transaction, say). */
export function countReads(reads: number) {
  const meter = meters.getStore();
  if (meter) meter.reads += reads;
}

/** On globalThis, so every bundle of the server shares one count (lib/bench/usage-probe.ts). */
const calls = globalThis as typeof globalThis & { __wellsyncFirestoreCalls?: number };
export const firestoreCallCount = () => calls.__wellsyncFirestoreCalls ?? 0;

function count(reads: number) {
  calls.__wellsyncFirestoreCalls = firestoreCallCount() + 1;
  countReads(reads);
}

export async function readDoc(ref: DocumentReference): Promise<DocumentSnapshot> {
  const snapshot = await withDeadline(ref.get(), 'reading', readDeadlineMs());
  count(1);
  return snapshot;
}

export async function readDocs(db: Firestore, refs: DocumentReference[]): Promise<DocumentSnapshot[]> {
  if (refs.length === 0) return [];
  const snapshots = await withDeadline(db.getAll(...refs), 'reading', readDeadlineMs());
  count(refs.length);
  return snapshots;
}

export async function runQuery(query: Query): Promise<QuerySnapshot> {
  const snapshot = await withDeadline(query.get(), 'reading', readDeadlineMs());
  count(Math.max(1, snapshot.size));
  return snapshot;
}

export async function runCount(query: Query): Promise<number> {
  const snapshot = await withDeadline(query.count().get(), 'counting', readDeadlineMs());
  const total = snapshot.data().count;
  count(Math.max(1, Math.ceil(total / 1000)));
  return total;
}
