// Previews an upload again with the time zone or mood levels chosen in the preview; only the job changes.
import { withUser } from '@/lib/api/guard';
import { RATE_LIMITS } from '@/lib/api/rate-limit';
import { holdImportLock } from '@/lib/import/hold-import-lock';
import { ZPreviewImportRequest } from '@/lib/import/import-choices';
import { runImportWork } from '@/lib/import/limit-import-work';
import { repreviewImportJob } from '@/lib/import/repreview-import-job';
import { ZJobParams } from '@/lib/jobs/job-id';

export const POST = withUser(
  async ({ caller, params, body }) => {
    // Reading the stored file again costs what an upload's check does, so it takes the same slot and bound.
    const job = await holdImportLock(caller, () => runImportWork(() => repreviewImportJob(caller, params.jobId, body)));
    return { job };
  },
  { params: ZJobParams, body: ZPreviewImportRequest, rateLimit: RATE_LIMITS.importPreview },
);
