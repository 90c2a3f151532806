import 'server-only';
import { AppError } from '@/lib/errors/app-error';
import type { UserScope } from '@/lib/auth/scope';
import { adminDb } from '@/lib/firebase/admin';
import { countReads, readDoc } from '@/lib/firebase/metered';
import { assertNoErasureLease } from '@/lib/jobs/erasure-lease';
import { readStoredFileToBuffer } from '@/lib/stored-files/read-stored-file';
import type { StoredFile } from '@/lib/stored-files/stored-file';
import { effectiveMoodMap } from './create-import-job';
import type { ImportChoices } from './import-choices';
import { importJobRef, importJobView, storedMoodMap, type ImportJobView } from './import-job';
import { IMPORT_LIMITS } from './import-limits';
import { planSize } from './import-plan';
import { parseImportFile } from './parse-import-file';
import { previewImport } from './preview-import';

/** Once applying has begun the choices are fixed: a resumed import must read the file as the first attempt did. */
export async function repreviewImportJob(
  scope: UserScope,
  jobId: string,
  choices: ImportChoices,
): Promise<ImportJobView> {
  const ref = importJobRef(scope, jobId);
  const snapshot = await readDoc(ref);
  if (!snapshot.exists) throw new AppError('not-found', 'That import does not exist.');
  assertPreviewed(importJobView(snapshot).status);
  const timeZone = choices.timeZone ?? (snapshot.get('timeZone') as string);
  const moodMap = choices.moodMap ?? storedMoodMap(snapshot);
  const bytes = await readStoredFileToBuffer(ref, snapshot.get('file') as StoredFile);
  const plan = await parseImportFile(bytes, timeZone, IMPORT_LIMITS, moodMap);
  const preview = await previewImport(scope, plan);
  await adminDb().runTransaction(async (tx) => {
    const current = await tx.get(ref);
    countReads(1);
    if (!current.exists) throw new AppError('not-found', 'That import does not exist.');
    assertPreviewed(importJobView(current).status);
    await assertNoErasureLease(tx, scope);
    const zone = choices.timeZone ? { timeZone, timeZoneSource: 'chosen' } : {};
    tx.update(ref, { ...zone, moodMap: effectiveMoodMap(plan), preview, report: plan.report, total: planSize(plan) });
  });
  return importJobView(await readDoc(ref));
}

function assertPreviewed(status: ImportJobView['status']) {
  if (status === 'expired') throw new AppError('gone', 'This upload has expired. Upload the file again.');
  if (status !== 'previewed')
    throw new AppError(
      'conflict',
      'This import has already been applied (or is being applied); its preview can no longer change.',
    );
}
