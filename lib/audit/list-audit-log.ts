import 'server-only';
import { FieldPath, Timestamp, type Query } from 'firebase-admin/firestore';
import { z } from 'zod';
import { assertAdmin, type AdminScope } from '@/lib/auth/scope';
import { runQuery } from '@/lib/firebase/metered';
import { AUDIT_ACTIONS } from './append-audit-entry';
import { auditLogCollection } from './audit-refs';

export const AUDIT_PAGE_SIZE = 50;

const ZAuditEntry = z.object({
  at: z.instanceof(Timestamp),
  actorUid: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorSystem: z.string().nullable(),
  action: z.enum(AUDIT_ACTIONS),
  target: z.string(),
  method: z.string().nullable(),
  subjectUid: z.string().nullable(),
});

export type AuditEntry = {
  id: string;
  atMs: number;
  actor: string;
  actorUid: string | null;
  action: string;
  target: string;
  method: string | null;
  subjectUid: string | null;
};
export type AuditPage = { entries: AuditEntry[]; nextCursor: string | null };

/** A cursor is the last entry's time and id, so pages stay stable while entries are appended. */
export function encodeAuditCursor(entry: Pick<AuditEntry, 'atMs' | 'id'>): string {
  return `${entry.atMs}_${entry.id}`;
}

function decodeCursor(cursor: string): [Timestamp, string] | null {
  const match = /^(\d{1,16})_([A-Za-z0-9]{1,64})$/.exec(cursor);
  return match ? [Timestamp.fromMillis(Number(match[1])), match[2]!] : null;
}

export async function listAuditLog(scope: AdminScope, options: { cursor?: string } = {}): Promise<AuditPage> {
  assertAdmin(scope);
  let query: Query = auditLogCollection()
    .orderBy('at', 'desc')
    .orderBy(FieldPath.documentId(), 'desc')
    .limit(AUDIT_PAGE_SIZE + 1);
  const after = options.cursor ? decodeCursor(options.cursor) : null;
  if (after) query = query.startAfter(after[0], auditLogCollection().doc(after[1]));
  const snapshot = await runQuery(query);
  const entries: AuditEntry[] = [];
  for (const doc of snapshot.docs.slice(0, AUDIT_PAGE_SIZE)) {
    const parsed = ZAuditEntry.safeParse(doc.data());
    if (!parsed.success) continue;
    const e = parsed.data;
    entries.push({
      id: doc.id,
      atMs: e.at.toMillis(),
      actor: e.actorEmail ?? e.actorUid ?? e.actorSystem ?? 'unknown',
      actorUid: e.actorUid,
      action: e.action,
      target: e.target,
      method: e.method,
      subjectUid: e.subjectUid,
    });
  }
  const last = entries.at(-1);
  return { entries, nextCursor: snapshot.size > AUDIT_PAGE_SIZE && last ? encodeAuditCursor(last) : null };
}
