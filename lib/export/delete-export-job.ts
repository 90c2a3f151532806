import 'server-only';
import { AppError } from '@/lib/errors/app-error';
import type { UserScope } from '@/lib/auth/scope';
import { readDoc } from '@/lib/firebase/metered';
import { deleteStoredFiles } from '@/lib/stored-files/delete-stored-files';
import { exportJobRef, exportJobView } from './export-job';

export async function deleteExportJob(scope: UserScope, jobId: string): Promise<void> {
  const ref = exportJobRef(scope, jobId);
  const snapshot = await readDoc(ref);
  if (!snapshot.exists) throw new AppError('not-found', 'That export does not exist.');
  if (exportJobView(snapshot).status === 'running')
    throw new AppError('conflict', 'This export is still being prepared; delete it when it is done.');
  await deleteStoredFiles(ref);
  await ref.delete();
}
