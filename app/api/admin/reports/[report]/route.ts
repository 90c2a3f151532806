// An admin report as JSON (adoption, cost or reliability) for a date range: rollups only, never content.
import { withAdmin } from '@/lib/api/guard';
import { resolveRange } from '@/lib/admin/admin-range';
import { ZGetReportQuery, ZGetReportRequest } from '@/lib/admin/admin-requests';
import { getReport } from '@/lib/admin/get-admin-reports';
import { utcDay } from '@/lib/metrics/utc-days';

export const GET = withAdmin(
  async ({ caller, params, query }) => getReport(params.report, caller, resolveRange(query, utcDay(Date.now()))),
  {
    params: ZGetReportRequest,
    query: ZGetReportQuery,
  },
);
