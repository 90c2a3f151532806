import 'server-only';
import type { Readable } from 'node:stream';
import { AppError } from '@/lib/errors/app-error';
import type { UserScope } from '@/lib/auth/scope';
import { readDoc } from '@/lib/firebase/metered';
import { readStoredFile } from '@/lib/stored-files/read-stored-file';
import type { StoredFile } from '@/lib/stored-files/stored-file';
import { exportJobRef, exportJobView } from './export-job';

export type ExportDownload = { stream: Readable; bytes: number; fileName: string };

/** The archive of a ready export, streamed from its chunks. Only the owner's own job is ever found. */
export async function openExportDownload(scope: UserScope, jobId: string): Promise<ExportDownload> {
  const ref = exportJobRef(scope, jobId);
  const snapshot = await readDoc(ref);
  if (!snapshot.exists) throw new AppError('not-found', 'That export does not exist.');
  const view = exportJobView(snapshot);
  const file = snapshot.get('file') as StoredFile | null;
  if (view.status === 'expired')
    throw new AppError('gone', 'This export has expired. Start a new one to get a fresh copy.');
  if (view.status !== 'ready' || !file) throw new AppError('conflict', 'This export is not ready to download.');
  const day = new Date(view.createdAt).toISOString().slice(0, 10);
  return { stream: readStoredFile(ref, file), bytes: file.bytes, fileName: `wellsync-export-${day}.zip` };
}
