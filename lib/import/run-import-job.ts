import 'server-only';
import { randomUUID } from 'node:crypto';
import { Timestamp, type Timestamp as TimestampType } from 'firebase-admin/firestore';
import { AppError } from '@/lib/errors/app-error';
import { isBackendUnavailable } from '@/lib/errors/is-backend-unavailable';
import type { UserScope } from '@/lib/auth/scope';
import { adminDb } from '@/lib/firebase/admin';
import { countReads, readDoc } from '@/lib/firebase/metered';
import { assertNoErasureLease, assertNotErasing } from '@/lib/jobs/erasure-lease';
import { JobSupersededError, JobWriter } from '@/lib/jobs/job-writer';
import { deleteStoredFiles } from '@/lib/stored-files/delete-stored-files';
import { readStoredFileToBuffer } from '@/lib/stored-files/read-stored-file';
import type { StoredFile } from '@/lib/stored-files/stored-file';
import { withDeadline } from '@/lib/firebase/with-deadline';
import { applyImportPlan, type ApplyCheckpoint } from './apply-import-plan';
import { assertNoImportInFlight } from './hold-import-lock';
import { sameMoodMap, type ImportChoices } from './import-choices';
import { importJobRef, importJobView, storedMoodMap, type ImportJobView } from './import-job';
import { IMPORT_LIMITS } from './import-limits';
import { parseImportFile } from './parse-import-file';

export type ImportAttempt = { jobId: string; attempt: string; lastUpdateTime: TimestampType };

/** Refused if the choices differ from `reviewed` (changed in another tab): nobody looked at them. */
export async function startImportApply(
  scope: UserScope,
  jobId: string,
  reviewed: ImportChoices = {},
): Promise<{ view: ImportJobView; attempt: ImportAttempt }> {
  const ref = importJobRef(scope, jobId);
  const attempt = randomUUID().slice(0, 8);
  await adminDb().runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    countReads(1);
    if (!snapshot.exists) throw new AppError('not-found', 'That import does not exist.');
    const { status } = importJobView(snapshot);
    if (status === 'applying') throw new AppError('conflict', 'This import is already being applied.');
    if (status === 'completed') throw new AppError('conflict', 'This import is already complete.');
    if (status === 'expired') throw new AppError('gone', 'This upload has expired. Upload the file again.');
    const zoneChanged = reviewed.timeZone !== undefined && reviewed.timeZone !== snapshot.get('timeZone');
    if (zoneChanged || (reviewed.moodMap && !sameMoodMap(reviewed.moodMap, storedMoodMap(snapshot)))) {
      throw new AppError(
        'conflict',
        'This preview changed after you reviewed it (perhaps in another tab). Review it again, then apply.',
      );
    }
    await assertNoErasureLease(tx, scope);
    await assertNoImportInFlight(tx, scope, jobId);
    tx.update(ref, {
      status: 'applying',
      attempt,
      error: null,
      heartbeatAt: Timestamp.now(),
      expiresAt: Timestamp.fromMillis(Date.now() + 7 * 86_400_000),
    });
  });
  const snapshot = await readDoc(ref);
  return { view: importJobView(snapshot), attempt: { jobId, attempt, lastUpdateTime: snapshot.updateTime! } };
}

/** The same bytes give the same plan, so the file is validated again and applied from the checkpoint. */
export async function runImportJob(scope: UserScope, job: ImportAttempt): Promise<void> {
  const ref = importJobRef(scope, job.jobId);
  const writer = new JobWriter(ref, job.attempt, job.lastUpdateTime);
  try {
    const snapshot = await withDeadline(readDoc(ref), 'reading the import');
    const file = snapshot.get('file') as StoredFile;
    const plan = await parseImportFile(
      await readStoredFileToBuffer(ref, file),
      snapshot.get('timeZone') as string,
      IMPORT_LIMITS,
      storedMoodMap(snapshot),
    );
    const from = snapshot.get('checkpoint') as ApplyCheckpoint;
    await withDeadline(assertNotErasing(scope), 'checking your account');
    await applyImportPlan(scope, plan, from, (checkpoint) => writer.progress({ checkpoint }, true));
    const completed = { status: 'completed', finishedAt: Timestamp.now(), error: null, file: null };
    if (await writer.finish(completed, (tx) => assertNoErasureLease(tx, scope))) await deleteStoredFiles(ref);
  } catch (error) {
    if (error instanceof JobSupersededError) return;
    await writer.finishEventually({ status: 'failed', error: failureMessage(error), finishedAt: Timestamp.now() });
  }
}

function failureMessage(error: unknown): string {
  const resume = 'What was applied so far is safe; choose Resume to carry on from there.';
  if (error instanceof AppError && error.code === 'conflict') return error.message;
  if ((error instanceof AppError && error.code === 'unavailable') || isBackendUnavailable(error))
    return `Our database could not be reached, so the import stopped. ${resume}`;
  console.error('[import] failed', error);
  return `Something went wrong while applying the import. ${resume}`;
}
