import 'server-only';
import { resolveRangeForPage, type AdminRange } from './admin-range';
import type { AdminTable } from './admin-table';
import type { AdoptionReport } from './build-adoption-report';
import type { CostReport } from './build-cost-report';
import type { ReliabilityReport } from './build-reliability-report';
import { csvHref } from './csv-href';
import { getAdoptionReport, getCostReport, getReliabilityReport } from './get-admin-reports';
import type { ReportName } from './report-names';
import { utcDay } from '@/lib/metrics/utc-days';
import { viewAdminPage } from './view-admin-page';

type Reports = { adoption: AdoptionReport; cost: CostReport; reliability: ReliabilityReport };
const LOADERS = { adoption: getAdoptionReport, cost: getCostReport, reliability: getReliabilityReport } as const;

export type ReportPage<N extends ReportName> = {
  report: Reports[N];
  range: AdminRange;
  problem: string | null;
  today: string;
  nowMs: number;
  path: string;
  table: (id: string) => AdminTable;
  csv: (id: string) => string;
};

export async function loadReportPage<N extends ReportName>(
  name: N,
  params: Record<string, string | string[] | undefined>,
): Promise<ReportPage<N>> {
  const path = `/admin/${name}`;
  const { caller, nowMs } = await viewAdminPage(path, params);
  const today = utcDay(nowMs);
  const { range, problem } = resolveRangeForPage(params, today);
  const report = (await LOADERS[name](caller, range, nowMs)) as Reports[N];
  const table = (id: string) => {
    const found = report.tables.find((t) => t.id === id);
    if (!found) throw new Error(`The ${name} report has no table ${id}`);
    return found;
  };
  return { report, range, problem, today, nowMs, path, table, csv: (id) => csvHref(name, id, range) };
}
