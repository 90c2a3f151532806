// The metrics rollup, for Cloud Scheduler (or any cron): `Authorization: Bearer $CRON_SECRET`, GET or POST.
// Incremental by default; `?full=1` rebuilds every day within retention. Answers the run's summary.
import { errorResponse } from '@/lib/api/errors';
import { ZRunRollupRequest } from '@/lib/metrics/admin-requests';
import { checkCronSecret } from '@/lib/metrics/check-cron-secret';
import { runRollup } from '@/lib/metrics/run-rollup';
import { randomUUID } from 'node:crypto';
import { validationError } from '@/lib/errors/app-error';

export const maxDuration = 300;

async function handle(req: Request): Promise<Response> {
  const requestId = randomUUID();
  try {
    checkCronSecret(req);
    const query = ZRunRollupRequest.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!query.success) throw validationError(query.error, 'query');
    const summary = await runRollup({ full: query.data.full });
    return Response.json(summary, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}

export const GET = handle;
export const POST = handle;
