/**
 * A table as the admin pages show it and the CSV download writes it: one shape for both, so every table on a
 * page has its CSV. `kind` says how a value reads (the CSV keeps raw numbers and names the unit in the header).
 */
export type ColumnKind = 'text' | 'count' | 'percent' | 'ms' | 'usd' | 'bytes' | 'ratio';
export type TableColumn = { key: string; label: string; kind: ColumnKind };
export type TableRow = Record<string, string | number | null>;
export type AdminTable = {
  id: string;
  title: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Row indexes to draw attention to (a release that fails more). */
  highlight?: number[];
  /** Said under the table (for example, how many small groups were hidden). */
  note?: string;
};

const UNIT: Partial<Record<ColumnKind, string>> = { percent: '%', ms: 'ms', usd: 'USD', bytes: 'bytes' };

export function csvHeader(column: TableColumn): string {
  const unit = UNIT[column.kind];
  return unit ? `${column.label} (${unit})` : column.label;
}

export function csvValue(column: TableColumn, value: string | number | null | undefined): string | number | null {
  if (value === null || value === undefined) return null;
  if (column.kind === 'percent' && typeof value === 'number') return Math.round(value * 1e6) / 1e4;
  return value;
}
