import 'server-only';
import type { UserScope } from '@/lib/auth/scope';
import { adminDb } from '@/lib/firebase/admin';
import { readDocs } from '@/lib/firebase/metered';
import { userRef } from '@/lib/firebase/refs';
import { decideDoc, decideEntry } from './decide-import';
import { emptyCounts, kindOfCollection, type ImportCounts, type ImportKind, type ImportPlan } from './import-plan';

/** One billed read per document the file names; writes nothing. */
export async function previewImport(scope: UserScope, plan: ImportPlan): Promise<ImportCounts> {
  const counts: ImportCounts = {};
  const tally = (kind: ImportKind, outcome: keyof ReturnType<typeof emptyCounts>) => {
    (counts[kind] ??= emptyCounts())[outcome] += 1;
  };
  const docPaths = plan.docs.map((doc) => doc.path);
  const docClouds = await readCloud(scope, docPaths);
  plan.docs.forEach((doc, i) => tally(doc.kind, decideDoc(doc, docClouds[i]!)));
  const entryClouds = await readCloud(
    scope,
    plan.entries.map((e) => `${e.collection}/${e.id}`),
  );
  plan.entries.forEach((entry, i) =>
    tally(kindOfCollection(entry.collection), decideEntry(entry, entryClouds[i]!).outcome),
  );
  return counts;
}

/** Documents by path relative to users/{uid} ('' is the profile), in batches that one getAll can take. */
export async function readCloud(scope: UserScope, paths: string[]): Promise<(Record<string, unknown> | null)[]> {
  const root = userRef(scope);
  const out: (Record<string, unknown> | null)[] = [];
  for (let i = 0; i < paths.length; i += 300) {
    const refs = paths
      .slice(i, i + 300)
      .map((path) => (path ? root.collection(path.split('/')[0]!).doc(path.split('/')[1]!) : root));
    const snapshots = await readDocs(adminDb(), refs);
    out.push(...snapshots.map((snapshot) => (snapshot.exists ? (snapshot.data() as Record<string, unknown>) : null)));
  }
  return out;
}
