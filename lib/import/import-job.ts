import 'server-only';
import type { DocumentReference, DocumentSnapshot } from 'firebase-admin/firestore';
import type { UserScope } from '@/lib/auth/scope';
import { userDocRef } from '@/lib/firebase/refs';
import { isStale, millis } from '@/lib/jobs/job-status';
import type { MoodMap } from './daylio-moods';
import type { TimeZoneSource } from './import-choices';
import type { ImportCounts, ImportSource } from './import-plan';
import { emptyReport, ZImportReport, type ImportReport } from './import-report';

export const IMPORT_JOBS = 'import_jobs';
/** An upload that is previewed but never applied is dropped after a day. */
export const PREVIEW_VALID_MS = 24 * 60 * 60 * 1000;

export type ImportJobStatus = 'previewed' | 'applying' | 'completed' | 'failed' | 'interrupted' | 'expired';

export type ImportJobView = {
  id: string;
  status: ImportJobStatus;
  source: ImportSource;
  fileName: string;
  preview: ImportCounts;
  report: ImportReport;
  timeZone: string;
  timeZoneSource: TimeZoneSource;
  result: ImportCounts | null;
  progress: { done: number; total: number };
  error: string | null;
  createdAt: number;
  finishedAt: number | null;
};

export function importJobRef(scope: UserScope, jobId: string): DocumentReference {
  return userDocRef(scope, IMPORT_JOBS, jobId);
}

export function importJobView(snapshot: DocumentSnapshot, now = Date.now()): ImportJobView {
  const data = snapshot.data() ?? {};
  let status = data.status as ImportJobStatus;
  if (status === 'applying' && isStale(data.heartbeatAt, now)) status = 'interrupted';
  if (status === 'previewed' && (millis(data.expiresAt) ?? 0) <= now) status = 'expired';
  return {
    id: snapshot.id,
    status,
    source: data.source as ImportSource,
    fileName: data.fileName as string,
    preview: (data.preview as ImportCounts) ?? {},
    // Parsed, not cast: jobs stored before issue 16 have no report, and a stray field must not reach the client.
    report: ZImportReport.safeParse(data.report).data ?? emptyReport(),
    timeZone: (data.timeZone as string | undefined) ?? 'UTC',
    timeZoneSource: (data.timeZoneSource as TimeZoneSource | undefined) ?? 'profile',
    result: (data.checkpoint?.counts as ImportCounts | undefined) ?? null,
    progress: {
      done: (data.checkpoint?.done as number | undefined) ?? 0,
      total: (data.total as number | undefined) ?? 0,
    },
    error: (data.error as string | null) ?? null,
    createdAt: millis(data.createdAt) ?? 0,
    finishedAt: millis(data.finishedAt),
  };
}

export function storedMoodMap(snapshot: DocumentSnapshot): MoodMap {
  return (snapshot.get('moodMap') as MoodMap | undefined) ?? [];
}
