import 'server-only';
import type { AdminTable } from './admin-table';
import { tableToCsv } from './table-to-csv';

/** A CSV download: private, never cached, with a UTF-8 byte-order mark so spreadsheets read accents right. */
export function csvResponse(table: AdminTable, filename: string): Response {
  return new Response(`\uFEFF${tableToCsv(table)}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
