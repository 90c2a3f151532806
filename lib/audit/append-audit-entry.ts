import 'server-only';
import { FieldValue } from 'firebase-admin/firestore';
import { auditLogCollection } from './audit-refs';

/**
 * The admin audit log (docs/admin-analytics.md, "Audit log"): every admin page view and admin API call, and every
 * grant or revocation of the admin claim, is appended here by the server (who, what, when). Clients cannot read or
 * write `audit_log/` (firestore.rules); admins read it through /admin/audit. Erasure deletes the entries where a
 * user is the actor or the subject (lib/metrics/user-metrics-docs.ts).
 */
export const AUDIT_ACTIONS = ['page.view', 'api.call', 'admin.grant', 'admin.revoke'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditActor = { uid: string; email: string | null } | { system: string };

export type NewAuditEntry = {
  actor: AuditActor;
  action: AuditAction;
  /** The page or API path with its query, or the account acted on. */
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
