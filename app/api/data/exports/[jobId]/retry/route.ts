// Runs a failed or interrupted export again.
import { withUser } from '@/lib/api/guard';
import { RATE_LIMITS } from '@/lib/api/rate-limit';
import { runExportJob } from '@/lib/export/run-export-job';
import { retryExportJob } from '@/lib/export/start-export-job';
import { ZJobParams } from '@/lib/jobs/job-id';
import { runAfterResponse } from '@/lib/jobs/run-after-response';

export const POST = withUser(
  async ({ caller, params }) => {
    const { view, attempt } = await retryExportJob(caller, params.jobId);
    runAfterResponse(() => runExportJob({ uid: caller.uid }, attempt));
    return Response.json({ job: view }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
  },
  { params: ZJobParams, rateLimit: RATE_LIMITS.exportStart },
);
