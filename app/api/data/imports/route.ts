// Imports: list, or upload a file for a dry run; a bad file is refused with a 4xx before anything is stored.
import { z } from 'zod';
import { withUser } from '@/lib/api/guard';
import { RATE_LIMITS } from '@/lib/api/rate-limit';
import { readBodyBytes } from '@/lib/api/read-body';
import { createImportJob } from '@/lib/import/create-import-job';
import { holdImportLock } from '@/lib/import/hold-import-lock';
import { ZImportTimeZone } from '@/lib/import/import-choices';
import { IMPORT_LIMITS } from '@/lib/import/import-limits';
import { runImportWork } from '@/lib/import/limit-import-work';
import { listImportJobs } from '@/lib/import/list-import-jobs';
import { safeFileName } from '@/lib/import/parse-import-file';

export const GET = withUser(async ({ caller }) => ({ jobs: await listImportJobs(caller) }));

// The file is the body, so the zone to read a Daylio CSV's local times in (else the profile's) is in the query.
const ZUploadImportQuery = z.object({ name: z.string().max(255).optional(), timeZone: ZImportTimeZone.optional() });

export const POST = withUser(
  async ({ caller, req, query }) => {
    // One upload per user (held in Firestore, so across instances), then a bound on this instance's parsing work.
    const job = await holdImportLock(caller, () =>
      runImportWork(async () => {
        // The size limit is enforced while the body streams in (a Content-Length can lie).
        const bytes = Buffer.from(await readBodyBytes(req, IMPORT_LIMITS.maxUploadBytes));
        return createImportJob(caller, bytes, safeFileName(query.name ?? null), { timeZone: query.timeZone });
      }),
    );
    return Response.json({ job }, { status: 201, headers: { 'Cache-Control': 'no-store' } });
  },
  { rawBody: true, query: ZUploadImportQuery, rateLimit: RATE_LIMITS.importUpload },
);
