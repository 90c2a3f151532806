// One shape for page and CSV download, so every table on a page has its CSV.
export type ColumnKind = 'text' | 'count' | 'percent' | 'ms' | 'usd' | 'bytes' | 'ratio';
export type TableColumn = { key: string; label: string; kind: ColumnKind };
export type TableRow = Record<string, string | number | null>;
export type AdminTable = {
  id: string;
  title: string;
  columns: TableColumn[];
  rows: TableRow[];
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
