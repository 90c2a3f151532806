// The user's exports: list them, or start a new one (built in the background; poll the job for progress).
import { withUser } from '@/lib/api/guard';
import { RATE_LIMITS } from '@/lib/api/rate-limit';
import { ZCreateExportRequest } from '@/lib/export/export-types';
import { listExportJobs } from '@/lib/export/list-export-jobs';
import { runExportJob } from '@/lib/export/run-export-job';
import { startExportJob } from '@/lib/export/start-export-job';
import { runAfterResponse } from '@/lib/jobs/run-after-response';

export const GET = withUser(async ({ caller }) => ({ jobs: await listExportJobs(caller) }));

export const POST = withUser(
  async ({ caller, body }) => {
    const { view, attempt } = await startExportJob(caller, body);
    runAfterResponse(() => runExportJob({ uid: caller.uid }, attempt));
    return Response.json({ job: view }, { status: 202, headers: { 'Cache-Control': 'no-store' } });
  },
  { body: ZCreateExportRequest, rateLimit: RATE_LIMITS.exportStart },
);
