import 'server-only';
import { requireAdmin } from '@/lib/auth/current-user';
import type { AdminScope, Caller } from '@/lib/auth/scope';
import { appendAuditEntry } from '@/lib/audit/append-audit-entry';

/** The view is audited before any data is read; if the entry cannot be written the page fails. */
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
