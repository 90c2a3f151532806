import { z } from 'zod';
import { ZAdminRangeQuery } from './admin-range';

/** Request schemas of the admin API (app/api/admin). */
// A well-formed name that is no report is a missing resource (404, lib/admin/get-admin-reports.ts), not bad input.
export const ZGetReportRequest = z.object({
  report: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Expected a report name such as adoption'),
});
export const ZGetReportTableRequest = ZGetReportRequest.extend({
  table: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Expected a table id such as releases'),
});
export const ZGetReportQuery = ZAdminRangeQuery;
export const ZListAuditLogRequest = z.object({
  cursor: z.string().max(100).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
