import type { AdminTable } from './admin-table';
import type { AuditPage } from '@/lib/audit/list-audit-log';

export function auditTable(page: AuditPage): AdminTable {
  return {
    id: 'audit-log',
    title: 'Audit log',
    columns: [
      { key: 'at', label: 'When (UTC)', kind: 'text' },
      { key: 'actor', label: 'Who', kind: 'text' },
      { key: 'action', label: 'Action', kind: 'text' },
      { key: 'target', label: 'What', kind: 'text' },
      { key: 'subject', label: 'About user', kind: 'text' },
    ],
    rows: page.entries.map((e) => ({
      at: new Date(e.atMs).toISOString().replace('T', ' ').slice(0, 19),
      actor: e.actor,
      action: e.method ? `${e.action} (${e.method})` : e.action,
      target: e.target,
      subject: e.subjectUid,
    })),
  };
}
