// Grants or revokes the admin custom claim. Usage: npm run admin:grant -- <email>
//                                               npm run admin:grant -- --revoke <email>
// Emulators when their env vars are set, else FIREBASE_PROJECT_ID with ADC (README).
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { AppError } from '@/lib/errors/app-error';
import { setAdminClaim } from '@/lib/admin/set-admin-claim';

const { values, positionals } = parseArgs({
  options: { revoke: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const email = positionals[0];
if (!email || positionals.length > 1) {
  console.error('Usage: npm run admin:grant -- <email>   or   npm run admin:grant -- --revoke <email>');
  process.exit(2);
}
try {
  const change = await setAdminClaim(email, !values.revoke, { system: `cli:${userInfo().username}` });
  console.log(
    change.admin
      ? `${email} is now an admin. The claim reaches their session when they next sign in: ask them to sign out and in again.`
      : `${email} is no longer an admin. Their sessions were ended (refresh tokens revoked); they can sign in again as a regular user.`,
  );
  process.exit(0);
} catch (error) {
  console.error(
    error instanceof AppError ? error.message : `Could not change the admin claim: ${(error as Error).message}`,
  );
  process.exit(1);
}
