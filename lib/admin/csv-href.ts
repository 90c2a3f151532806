import type { AdminRange } from './admin-range';
import type { ReportName } from './report-names';

/** The CSV download of one report table, for the range a page shows. */
export function csvHref(report: ReportName, table: string, range: AdminRange): string {
  return `/api/admin/reports/${report}/${table}?${new URLSearchParams({ from: range.from, to: range.to })}`;
}
