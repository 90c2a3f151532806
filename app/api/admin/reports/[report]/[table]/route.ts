// One table of an admin report as a CSV download, for the same date range the page shows.
import { AppError } from '@/lib/errors/app-error';
import { withAdmin } from '@/lib/api/guard';
import { resolveRange } from '@/lib/admin/admin-range';
import { ZGetReportQuery, ZGetReportTableRequest } from '@/lib/admin/admin-requests';
import { csvResponse } from '@/lib/admin/csv-response';
import { getReport } from '@/lib/admin/get-admin-reports';
import { utcDay } from '@/lib/metrics/utc-days';

export const GET = withAdmin(
  async ({ caller, params, query }) => {
    const range = resolveRange(query, utcDay(Date.now()));
    const report = await getReport(params.report, caller, range);
    const table = report.tables.find((t) => t.id === params.table);
    if (!table) throw new AppError('not-found', `The ${params.report} report has no table "${params.table}".`);
    return csvResponse(table, `wellsync-${params.report}-${table.id}-${range.from}-to-${range.to}.csv`);
  },
  { params: ZGetReportTableRequest, query: ZGetReportQuery },
);
