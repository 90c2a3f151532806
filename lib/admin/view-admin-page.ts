import 'server-only';
import { requireAdmin } from '@/lib/auth/current-user';
import type { AdminScope, Caller } from '@/lib/auth/scope';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';

/**
 * For admin pages: the verified admin (non-admins get the 404 page, visitors the sign-in page), with the view
 * appended to the audit log before any data is read. Writing the entry fails the page, rather than show data unlogged.
 */
export type AdminView = {
  caller: Caller & AdminScope;
  /** The time of this view, which every number on the page is computed for. */ nowMs: number;
};

export async function viewAdminPage(
  path: string,
  query: Record<string, string | string[] | undefined> = {},
): Promise<AdminView> {
  const caller = await requireAdmin();
  const search = new URLSearchParams(
    Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
  ).toString();
  await appendAuditEntry({
    actor: { uid: caller.uid, email: caller.email },
    action: 'page.view',
    target: search ? `${path}?${search}` : path,
  });
  return { caller, nowMs: Date.now() };
}
