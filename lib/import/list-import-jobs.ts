import 'server-only';
import { AppError } from '@/lib/errors/app-error';
import type { UserScope } from '@/lib/auth/scope';
import { readDoc, runQuery } from '@/lib/firebase/metered';
import { userCollection } from '@/lib/firebase/refs';
import { deleteStoredFiles } from '@/lib/stored-files/delete-stored-files';
import { IMPORT_JOBS, importJobRef, importJobView, type ImportJobView } from './import-job';

export async function listImportJobs(scope: UserScope, limit = 10): Promise<ImportJobView[]> {
  const snapshot = await runQuery(userCollection(scope, IMPORT_JOBS).orderBy('createdAt', 'desc').limit(limit));
  return snapshot.docs.map((doc) => importJobView(doc));
}

export async function getImportJob(scope: UserScope, jobId: string): Promise<ImportJobView | null> {
  const snapshot = await readDoc(importJobRef(scope, jobId));
  return snapshot.exists ? importJobView(snapshot) : null;
}

export async function deleteImportJob(scope: UserScope, jobId: string): Promise<void> {
  const ref = importJobRef(scope, jobId);
  const snapshot = await readDoc(ref);
  if (!snapshot.exists) throw new AppError('not-found', 'That import does not exist.');
  if (importJobView(snapshot).status === 'applying')
    throw new AppError('conflict', 'This import is being applied; wait for it to finish.');
  await deleteStoredFiles(ref);
  await ref.delete();
}
