import 'server-only';
import { AppError } from '@/lib/errors/app-error';
import { adminAuth } from '@/lib/firebase/admin';
import { appendAuditEntry, type AuditActor } from '@/lib/audit/append-audit-entry';

export type AdminClaimChange = { uid: string; email: string; admin: boolean; sessionsEnded: boolean };

/** A revocation also revokes refresh tokens: a session made while admin must not keep its claim until expiry. */
export async function setAdminClaim(email: string, admin: boolean, actor: AuditActor): Promise<AdminClaimChange> {
  const auth = adminAuth();
  const user = await auth.getUserByEmail(email).catch((error: { code?: string }) => {
    if (error.code === 'auth/user-not-found' || error.code === 'auth/invalid-email')
      throw new AppError('not-found', `No account has the email ${email}.`);
    throw error;
  });
  const { admin: _previous, ...otherClaims } = user.customClaims ?? {};
  await auth.setCustomUserClaims(user.uid, admin ? { ...otherClaims, admin: true } : otherClaims);
  if (!admin) await auth.revokeRefreshTokens(user.uid);
  await appendAuditEntry({
    actor,
    action: admin ? 'admin.grant' : 'admin.revoke',
    target: email,
    subjectUid: user.uid,
  });
  return { uid: user.uid, email, admin, sessionsEnded: !admin };
}
