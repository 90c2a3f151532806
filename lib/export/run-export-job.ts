import 'server-only';
import { Timestamp } from 'firebase-admin/firestore';
import { AppError } from '@/lib/errors/app-error';
import { isBackendUnavailable } from '@/lib/errors/is-backend-unavailable';
import type { UserScope } from '@/lib/auth/scope';
import { adminAuth } from '@/lib/firebase/admin';
import { assertNoErasureLease, assertNotErasing } from '@/lib/jobs/erasure-lease';
import { JobSupersededError, JobWriter } from '@/lib/jobs/job-writer';
import { withDeadline } from '@/lib/firebase/with-deadline';
import { StoredFileWriter } from '@/lib/stored-files/write-stored-file';
import { exportJobRef } from './export-job';
import type { ExportScope } from './export-types';
import { writeExportArchive, type ExportAccount } from './write-export-archive';

export type ExportAttempt = {
  jobId: string;
  attempt: string;
  scope: ExportScope;
  expiresAt: Timestamp;
  lastUpdateTime: Timestamp;
};

/** Half-written chunks of a failed attempt are never referenced, and the next attempt replaces them. */
export async function runExportJob(scope: UserScope, job: ExportAttempt): Promise<void> {
  const ref = exportJobRef(scope, job.jobId);
  const writer = new JobWriter(ref, job.attempt, job.lastUpdateTime);
  try {
    const account = await readAccount(scope);
    await withDeadline(assertNotErasing(scope), 'checking your account');
    const file = new StoredFileWriter(ref, job.attempt, job.expiresAt);
    let progress = { done: 0, total: 0 };
    const counts = await writeExportArchive(scope, job.scope, file, {
      account,
      onProgress: (done, total) => writer.progress({ progress: (progress = { done, total }) }),
    });
    const stored = file.describe('wellsync-export.zip', 'application/zip');
    // Progress writes are throttled, so the final numbers are written with the outcome.
    await writer.finish(
      { status: 'ready', counts, file: stored, progress, finishedAt: Timestamp.now(), error: null },
      (tx) => assertNoErasureLease(tx, scope),
    );
  } catch (error) {
    if (error instanceof JobSupersededError) return;
    await writer.finishEventually({ status: 'failed', error: failureMessage(error), finishedAt: Timestamp.now() });
  }
}

async function readAccount(scope: UserScope): Promise<ExportAccount> {
  const user = await withDeadline(adminAuth().getUser(scope.uid), 'reading your account');
  return {
    uid: user.uid,
    email: user.email ?? null,
    createdAt: user.metadata.creationTime ?? null,
    lastSignInAt: user.metadata.lastSignInTime ?? null,
  };
}

function failureMessage(error: unknown): string {
  if (error instanceof AppError && error.code === 'conflict') return error.message;
  if (error instanceof AppError && error.code === 'unavailable')
    return `${error.message} Your export was not finished; try again in a moment.`;
  if (isBackendUnavailable(error))
    return 'Our database could not be reached, so your export was not finished. Try again in a moment.';
  console.error('[export] failed', error);
  return 'Something went wrong while preparing your export. Try again; if it keeps failing, contact support.';
}
