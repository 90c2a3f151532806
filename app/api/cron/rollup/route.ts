// The metrics rollup, for Cloud Scheduler (or any cron): `Authorization: Bearer $CRON_SECRET`, GET or POST.
// Incremental by default; `?full=1` rebuilds every day within retention. Answers the run's summary.
import { withCron } from '@/lib/api/guard';
import { runRollup, ZRunRollupRequest } from '@/lib/metrics/run-rollup';

export const maxDuration = 300;

const handle = withCron(async ({ query }) => runRollup({ full: query.full }), { query: ZRunRollupRequest });

export const GET = handle;
export const POST = handle;
