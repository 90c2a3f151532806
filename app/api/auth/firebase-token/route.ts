// A custom token for the browser's Firebase SDK, minted from the verified session: the HttpOnly cookie stays the
// source of truth, and the browser's in-memory Firebase session (for live updates and its sync client) follows it.
// The token is bound to this session's web device, so the rules drop it the moment that browser is revoked or
// signs out; the guard has already refused a revoked one.
import { withUser } from '@/lib/api/guard';
import { WEB_DEVICE_CLAIM } from '@/lib/contract/claims';
import { adminAuth } from '@/lib/firebase/admin';

export const GET = withUser(async ({ caller }) => ({
  token: await adminAuth().createCustomToken(caller.uid, { [WEB_DEVICE_CLAIM]: caller.deviceId }),
}));
