// Applies a previewed import through the sync protocol, or resumes one that failed or was interrupted.
import { withUser } from '@/lib/api/guard';
import { RATE_LIMITS } from '@/lib/api/rate-limit';
import { ZApplyImportRequest } from '@/lib/import/import-choices';
import { runImportJob, startImportApply } from '@/lib/import/run-import-job';
import { ZJobParams } from '@/lib/jobs/job-id';
import { runAfterResponse } from '@/lib/jobs/run-after-response';

export const POST = withUser(
  async ({ caller, params, body }) => {
    // The body names the time zone and mood levels the user reviewed; a preview changed since then is refused.
    const { view, attempt } = await startImportApply(caller, params.jobId, body ?? {});
    runAfterResponse(() => runImportJob({ uid: caller.uid }, attempt));
    return Response.json({ job: view }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
  },
  { params: ZJobParams, body: ZApplyImportRequest, rateLimit: RATE_LIMITS.importUpload },
);
