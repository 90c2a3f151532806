import 'server-only';
import { Timestamp, type DocumentReference, type DocumentSnapshot } from 'firebase-admin/firestore';
import type { UserScope } from '@/lib/auth/scope';
import { userDocRef } from '@/lib/firebase/refs';
import { isStale, millis } from '@/lib/jobs/job-status';
import type { StoredFile } from '@/lib/stored-files/stored-file';
import type { ExportCounts } from './write-export-archive';
import type { ExportScope } from './export-types';

export const EXPORT_JOBS = 'export_jobs';
/** How long a finished export can be downloaded again (Google Takeout keeps a week too). */
export const EXPORT_VALID_MS = 7 * 24 * 60 * 60 * 1000;

export type ExportJobStatus = 'running' | 'ready' | 'failed' | 'interrupted' | 'expired';

export type ExportJobView = {
  id: string;
  status: ExportJobStatus;
  scope: ExportScope;
  progress: { done: number; total: number };
  counts: ExportCounts | null;
  bytes: number | null;
  error: string | null;
  createdAt: number;
  finishedAt: number | null;
  expiresAt: number;
};

export function exportJobRef(scope: UserScope, jobId: string): DocumentReference {
  return userDocRef(scope, EXPORT_JOBS, jobId);
}

export function exportJobView(snapshot: DocumentSnapshot, now = Date.now()): ExportJobView {
  const data = snapshot.data() ?? {};
  const expiresAt = millis(data.expiresAt) ?? 0;
  let status = data.status as ExportJobStatus;
  if (status === 'running' && isStale(data.heartbeatAt, now)) status = 'interrupted';
  if (status === 'ready' && expiresAt <= now) status = 'expired';
  const file = data.file as StoredFile | null;
  return {
    id: snapshot.id,
    status,
    scope: data.scope as ExportScope,
    progress: (data.progress as { done: number; total: number }) ?? { done: 0, total: 0 },
    counts: (data.counts as ExportCounts | null) ?? null,
    bytes: file?.bytes ?? null,
    error: (data.error as string | null) ?? null,
    createdAt: millis(data.createdAt) ?? 0,
    finishedAt: millis(data.finishedAt),
    expiresAt,
  };
}

export const expiryFrom = (ms: number) => Timestamp.fromMillis(ms + EXPORT_VALID_MS);
