import 'server-only';
import { randomUUID } from 'node:crypto';
import { Timestamp } from 'firebase-admin/firestore';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@/lib/errors/app-error';
import type { UserScope } from '@/lib/auth/scope';
import { adminDb } from '@/lib/firebase/admin';
import { countReads, readDoc } from '@/lib/firebase/metered';
import { userCollection } from '@/lib/firebase/refs';
import { assertNoErasureLease, undoIfErased } from '@/lib/jobs/erasure-lease';
import { isStale } from '@/lib/jobs/job-status';
import { getProfile } from '@/lib/profile/get-profile';
import { deleteStoredFiles } from '@/lib/stored-files/delete-stored-files';
import { EXPORT_JOBS, exportJobRef, exportJobView, expiryFrom, type ExportJobView } from './export-job';
import type { CreateExportRequest, ExportScope } from './export-types';
import type { ExportAttempt } from './run-export-job';

export async function startExportJob(
  scope: UserScope,
  request: CreateExportRequest,
): Promise<{ view: ExportJobView; attempt: ExportAttempt }> {
  const { timezone } = await getProfile(scope);
  const exportScope: ExportScope = {
    types: request.types,
    from: request.from ?? null,
    to: request.to ?? null,
    includeTombstones: request.includeTombstones,
    timeZone: timezone,
  };
  const now = Timestamp.now();
  const jobId = uuidv7();
  const attempt = randomUUID().slice(0, 8);
  const expiresAt = expiryFrom(now.toMillis());
  const ref = exportJobRef(scope, jobId);
  // One transaction reads the erasure lease and the running exports, then creates the job: an erasure taking its
  // lease either sees this job running, or this start sees the lease.
  await adminDb().runTransaction(async (tx) => {
    await assertNoErasureLease(tx, scope);
    const running = await tx.get(userCollection(scope, EXPORT_JOBS).where('status', '==', 'running'));
    countReads(Math.max(1, running.size));
    if (running.docs.some((doc) => !isStale(doc.get('heartbeatAt')))) {
      throw new AppError('conflict', 'An export is already being prepared. Wait for it to finish, then start another.');
    }
    tx.create(ref, {
      status: 'running',
      attempt,
      scope: exportScope,
      progress: { done: 0, total: 0 },
      counts: null,
      file: null,
      error: null,
      createdAt: now,
      heartbeatAt: now,
      finishedAt: null,
      expiresAt,
    });
  });
  await undoIfErased(scope, ref);
  const snapshot = await readDoc(ref);
  return {
    view: exportJobView(snapshot),
    attempt: { jobId, attempt, scope: exportScope, expiresAt, lastUpdateTime: snapshot.updateTime! },
  };
}

export async function retryExportJob(
  scope: UserScope,
  jobId: string,
): Promise<{ view: ExportJobView; attempt: ExportAttempt }> {
  const ref = exportJobRef(scope, jobId);
  const attempt = randomUUID().slice(0, 8);
  const prepared = await adminDb().runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    countReads(1);
    if (!snapshot.exists) throw new AppError('not-found', 'That export does not exist.');
    await assertNoErasureLease(tx, scope);
    const view = exportJobView(snapshot);
    if (view.status !== 'failed' && view.status !== 'interrupted') {
      throw new AppError(
        'conflict',
        view.status === 'running'
          ? 'This export is still being prepared.'
          : 'Only a failed export can be retried. Start a new one instead.',
      );
    }
    const now = Timestamp.now();
    tx.update(ref, {
      status: 'running',
      attempt,
      progress: { done: 0, total: 0 },
      error: null,
      file: null,
      heartbeatAt: now,
      finishedAt: null,
      expiresAt: expiryFrom(now.toMillis()),
    });
    return { scope: snapshot.get('scope') as ExportScope, expiresAt: expiryFrom(now.toMillis()) };
  });
  // The attempt id was swapped above, so no earlier attempt can write again; its chunks can go.
  await deleteStoredFiles(ref);
  const snapshot = await readDoc(ref);
  return {
    view: exportJobView(snapshot),
    attempt: {
      jobId,
      attempt,
      scope: prepared.scope,
      expiresAt: prepared.expiresAt,
      lastUpdateTime: snapshot.updateTime!,
    },
  };
}
