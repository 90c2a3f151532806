import 'server-only';
import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '@/lib/csv/spreadsheet-safe';
import { csvHeader, csvValue, type AdminTable } from './admin-table';

/** Defused by the same guard as the data export: error codes and versions come from devices. */
export function tableToCsv(table: AdminTable): string {
  const header = table.columns.map(csvHeader);
  const rows = table.rows.map((row) => table.columns.map((column) => csvValue(column, row[column.key])));
  return stringify([header, ...rows], {
    cast: { string: (value) => spreadsheetSafe(value) },
    record_delimiter: 'windows',
  });
}
