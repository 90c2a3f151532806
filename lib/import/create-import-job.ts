import 'server-only';
import { randomUUID } from 'node:crypto';
import { Timestamp } from 'firebase-admin/firestore';
import { v7 as uuidv7 } from 'uuid';
import type { UserScope } from '@/lib/auth/scope';
import { adminDb } from '@/lib/firebase/admin';
import { readDoc, runQuery } from '@/lib/firebase/metered';
import { userCollection } from '@/lib/firebase/refs';
import { assertNoErasureLease, assertNotErasing } from '@/lib/jobs/erasure-lease';
import { getProfile } from '@/lib/profile/get-profile';
import { storeBuffer } from '@/lib/stored-files/write-stored-file';
import type { MoodMap } from './daylio-moods';
import type { ImportChoices, TimeZoneSource } from './import-choices';
import {
  IMPORT_JOBS,
  importJobRef,
  importJobView,
  PREVIEW_VALID_MS,
  storedMoodMap,
  type ImportJobView,
} from './import-job';
import { IMPORT_LIMITS } from './import-limits';
import { planSize, type ImportPlan } from './import-plan';
import { parseImportFile } from './parse-import-file';
import { previewImport } from './preview-import';

/** Validates the whole file and runs the dry run before anything is written: docs/data-rights.md, "Import". */
export async function createImportJob(
  scope: UserScope,
  bytes: Buffer,
  fileName: string,
  choices: ImportChoices = {},
): Promise<ImportJobView> {
  const profile = await getProfile(scope);
  const timeZone = choices.timeZone ?? profile.timezone;
  const timeZoneSource: TimeZoneSource = choices.timeZone ? 'chosen' : profile.hasProfile ? 'profile' : 'utc';
  const plan = await parseImportFile(
    bytes,
    timeZone,
    IMPORT_LIMITS,
    choices.moodMap ?? (await rememberedMoodMap(scope)),
  );
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
      timeZone,
      timeZoneSource,
      moodMap: effectiveMoodMap(plan),
      preview,
      report: plan.report,
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

/** Stored so that applying (and resuming) reads the file the same way; a backup's levels come from itself. */
export function effectiveMoodMap(plan: ImportPlan): MoodMap {
  return plan.report.moods.filter((m) => m.basis !== 'backup').map(({ name, level }) => ({ name, level }));
}

/** Applying an import is the user's confirmation of its mood levels; the latest such choice is offered again. */
async function rememberedMoodMap(scope: UserScope): Promise<MoodMap> {
  const recent = await runQuery(userCollection(scope, IMPORT_JOBS).orderBy('createdAt', 'desc').limit(10));
  const applied = recent.docs.find(
    (doc) => doc.get('source') === 'daylio' && doc.get('status') !== 'previewed' && storedMoodMap(doc).length > 0,
  );
  return applied ? storedMoodMap(applied) : [];
}
