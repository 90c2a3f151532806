// The metrics rollup for Cloud Scheduler (`Authorization: Bearer $CRON_SECRET`); `?full=1` rebuilds.
import { withCron } from '@/lib/api/guard';
import { runRollup, ZRunRollupRequest } from '@/lib/metrics/run-rollup';

export const maxDuration = 300;

const handle = withCron(async ({ query }) => runRollup({ full: query.full }), { query: ZRunRollupRequest });

export const GET = handle;
export const POST = handle;
