// Custom token for the browser SDK, bound to this session's web device so the rules drop it on revoke or sign-out.
import { withUser } from '@/lib/api/guard';
import { WEB_DEVICE_CLAIM } from '@/lib/contract/claims';
import { adminAuth } from '@/lib/firebase/admin';

export const GET = withUser(async ({ caller }) => ({
  token: await adminAuth().createCustomToken(caller.uid, { [WEB_DEVICE_CLAIM]: caller.deviceId }),
}));
