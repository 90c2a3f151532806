import type { AdminRange } from './admin-range';
import type { ReportName } from './report-names';

export function csvHref(report: ReportName, table: string, range: AdminRange): string {
  return `/api/admin/reports/${report}/${table}?${new URLSearchParams({ from: range.from, to: range.to })}`;
}
