import 'server-only';
import { randomUUID } from 'node:crypto';
import { Timestamp } from 'firebase-admin/firestore';
import { v7 as uuidv7 } from 'uuid';
import type { UserScope } from '@/lib/auth/scope';
import { adminDb } from '@/lib/firebase/admin';
import { readDoc } from '@/lib/firebase/metered';
import { assertNoErasureLease, assertNotErasing } from '@/lib/jobs/erasure-lease';
import { getProfile } from '@/lib/profile/get-profile';
import { storeBuffer } from '@/lib/stored-files/write-stored-file';
import { importJobRef, importJobView, PREVIEW_VALID_MS, type ImportJobView } from './import-job';
import { planSize } from './import-plan';
import { parseImportFile } from './parse-import-file';
import { previewImport } from './preview-import';

/**
 * Validates an uploaded file completely and computes its dry run before anything is written; only a valid file
 * is kept (next to its job, until the import completes) so that applying it can resume after an interruption.
 */
export async function createImportJob(scope: UserScope, bytes: Buffer, fileName: string): Promise<ImportJobView> {
  const { timezone } = await getProfile(scope);
  const plan = await parseImportFile(bytes, timezone);
  const preview = await previewImport(scope, plan);
  // The stored file's chunks are written before the job: both only if no erasure has begun meanwhile.
  await assertNotErasing(scope);
  const jobId = uuidv7();
  const ref = importJobRef(scope, jobId);
  const now = Timestamp.now();
  const expiresAt = Timestamp.fromMillis(now.toMillis() + PREVIEW_VALID_MS);
  const file = await storeBuffer(ref, randomUUID().slice(0, 8), expiresAt, bytes, fileName, 'application/octet-stream');
  await adminDb().runTransaction(async (tx) => {
    await assertNoErasureLease(tx, scope);
    tx.create(ref, {
      status: 'previewed',
      source: plan.source,
      fileName,
      timeZone: timezone,
      preview,
      total: planSize(plan),
      checkpoint: { done: 0, counts: {} },
      file,
      attempt: null,
      error: null,
      createdAt: now,
      heartbeatAt: now,
      finishedAt: null,
      expiresAt,
    });
  });
  return importJobView(await readDoc(ref));
}
