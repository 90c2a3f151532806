import 'server-only';
import { FieldValue } from 'firebase-admin/firestore';
import { auditLogCollection } from './audit-refs';

/** Server-appended; clients can neither read nor write `audit_log/` (firestore.rules). */
export const AUDIT_ACTIONS = ['page.view', 'api.call', 'admin.grant', 'admin.revoke'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditActor = { uid: string; email: string | null } | { system: string };

export type NewAuditEntry = {
  actor: AuditActor;
  action: AuditAction;
  target: string;
  method?: string;
  /** The user an action was about (a granted admin), when there is one. */
  subjectUid?: string | null;
  requestId?: string;
};

export async function appendAuditEntry(entry: NewAuditEntry): Promise<void> {
  const actor =
    'system' in entry.actor
      ? { actorUid: null, actorEmail: null, actorSystem: entry.actor.system }
      : { actorUid: entry.actor.uid, actorEmail: entry.actor.email, actorSystem: null };
  await auditLogCollection().add({
    at: FieldValue.serverTimestamp(),
    ...actor,
    action: entry.action,
    target: entry.target.slice(0, 500),
    method: entry.method ?? null,
    subjectUid: entry.subjectUid ?? null,
    requestId: entry.requestId ?? null,
  });
}
