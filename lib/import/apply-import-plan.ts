import 'server-only';
import { adminDb } from '@/lib/firebase/admin';
import { countReads } from '@/lib/firebase/metered';
import { userRef } from '@/lib/firebase/refs';
import type { UserScope } from '@/lib/auth/scope';
import { withDeadline } from '@/lib/firebase/with-deadline';
import { adminCloud } from '@/lib/sync/admin-cloud';
import { decideDoc, decideEntry } from './decide-import';
import {
  emptyCounts,
  kindOfCollection,
  type ImportCounts,
  type ImportKind,
  type ImportPlan,
  type Outcome,
  type PlannedDoc,
  type PlannedEntry,
} from './import-plan';
import { readCloud } from './preview-import';

const BATCH = 20;

export type ApplyCheckpoint = { done: number; counts: ImportCounts };

/** Every step is idempotent, so a batch repeated after an interruption changes nothing twice. */
export async function applyImportPlan(
  scope: UserScope,
  plan: ImportPlan,
  from: ApplyCheckpoint,
  onCheckpoint: (checkpoint: ApplyCheckpoint, total: number) => Promise<void>,
): Promise<ApplyCheckpoint> {
  const steps: (PlannedDoc | PlannedEntry)[] = [...plan.docs, ...plan.entries];
  const counts: ImportCounts = structuredClone(from.counts);
  const tally = (kind: ImportKind, outcome: Outcome) => ((counts[kind] ??= emptyCounts())[outcome] += 1);
  const cloud = adminCloud(scope);
  let done = from.done;
  while (done < steps.length) {
    const batch = steps.slice(done, done + BATCH);
    const entryPaths = batch.map((step) => ('collection' in step ? `${step.collection}/${step.id}` : null));
    const clouds = await withDeadline(
      readCloud(
        scope,
        entryPaths.filter((p): p is string => p !== null),
      ),
      'reading your entries',
    );
    let next = 0;
    await Promise.all(
      batch.map(async (step, i) => {
        if (!('collection' in step))
          return tally(step.kind, await withDeadline(applyDoc(scope, step), 'saving a document'));
        const current = entryPaths[i] ? clouds[next++]! : null;
        const { version } = decideEntry(step, current);
        if (!version) return tally(kindOfCollection(step.collection), 'unchanged');
        const result = await withDeadline(cloud.pushEntry(step.collection, step.id, version), 'saving an entry');
        const outcome: Outcome =
          result.decision === 'already-applied'
            ? 'unchanged'
            : result.decision === 'fast-forward'
              ? current
                ? 'updated'
                : 'new'
              : 'conflicting';
        tally(kindOfCollection(step.collection), outcome);
      }),
    );
    done += batch.length;
    await onCheckpoint({ done, counts }, steps.length);
  }
  return { done, counts };
}

/** In a transaction, so that a concurrent change is never overwritten. */
async function applyDoc(scope: UserScope, doc: PlannedDoc): Promise<Outcome> {
  const root = userRef(scope);
  const ref = doc.path ? root.collection(doc.path.split('/')[0]!).doc(doc.path.split('/')[1]!) : root;
  return adminDb().runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    countReads(1);
    const outcome = decideDoc(doc, snapshot.exists ? (snapshot.data() as Record<string, unknown>) : null);
    if (outcome === 'new' || outcome === 'updated') tx.set(ref, doc.data);
    return outcome;
  });
}
