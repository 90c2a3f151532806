// The admin audit log, newest first, one page at a time (JSON, or CSV with ?format=csv).
import { withAdmin } from '@/lib/api/guard';
import { ZListAuditLogRequest } from '@/lib/admin/admin-requests';
import { auditTable } from '@/lib/admin/audit-table';
import { csvResponse } from '@/lib/admin/csv-response';
import { listAuditLog } from '@/lib/audit/list-audit-log';

export const GET = withAdmin(
  async ({ caller, query }) => {
    const page = await listAuditLog(caller, { cursor: query.cursor });
    return query.format === 'csv' ? csvResponse(auditTable(page), 'wellsync-audit-log.csv') : page;
  },
  { query: ZListAuditLogRequest },
);
