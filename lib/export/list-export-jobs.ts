import 'server-only';
import type { UserScope } from '@/lib/auth/scope';
import { readDoc, runQuery } from '@/lib/firebase/metered';
import { userCollection } from '@/lib/firebase/refs';
import { deleteStoredFiles } from '@/lib/stored-files/delete-stored-files';
import { EXPORT_JOBS, exportJobRef, exportJobView, type ExportJobView } from './export-job';

/** The user's recent exports, newest first. Expired archives are deleted here too (the TTL policy does it in production). */
export async function listExportJobs(scope: UserScope, limit = 10): Promise<ExportJobView[]> {
  const snapshot = await runQuery(userCollection(scope, EXPORT_JOBS).orderBy('createdAt', 'desc').limit(limit));
  const views = snapshot.docs.map((doc) => exportJobView(doc));
  const expired = snapshot.docs.filter((doc, i) => views[i]!.status === 'expired' && doc.get('file') != null);
  await Promise.all(
    expired.map(async (doc) => {
      await deleteStoredFiles(doc.ref);
      await doc.ref.update({ file: null });
    }),
  );
  return views;
}

export async function getExportJob(scope: UserScope, jobId: string): Promise<ExportJobView | null> {
  const snapshot = await readDoc(exportJobRef(scope, jobId));
  return snapshot.exists ? exportJobView(snapshot) : null;
}
