// A custom token for the browser's Firebase SDK, minted from the verified session: the HttpOnly cookie stays the
// source of truth, and the browser's in-memory Firebase session (for live updates and its sync client) follows it.
import { withUser } from '@/lib/api/guard';
import { adminAuth } from '@/lib/firebase/admin';

export const GET = withUser(async ({ caller }) => ({ token: await adminAuth().createCustomToken(caller.uid) }));
