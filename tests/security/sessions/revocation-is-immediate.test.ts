// Issue 15 made page views cheaper with caches (derived views, their statistics, Markdown text); none of them
// holds a session. The promise (docs/hardening.md, "Sessions"): revoking a browser ends its session on its next
// request, and "sign out everywhere" ends every session at once. Checked here after the caches are warm.
import { describe, expect, it } from 'vitest';
import { verifySession } from '@/lib/auth/session';
import { revokeDevice } from '@/lib/devices/update-device';
import { adminAuth } from '@/lib/firebase/admin';
import { listJournalTags } from '@/lib/journal/list-journal-tags';
import { createTestUser, putJournalEntry, sessionCookieFor } from '../../helpers/users';

/** Revocation is recorded to the second: a token from this very second would still pass. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1100));

describe('revocation after warm page views', () => {
  it('a revoked browser is refused on its very next request', async () => {
    const user = await createTestUser();
    await putJournalEntry(user, { title: 'warm', tags: ['calm'] });
    const { cookie, deviceId } = await sessionCookieFor(user);
    for (let i = 0; i < 3; i++) {
      expect((await verifySession(cookie)).status).toBe('ok');
      await listJournalTags(user);
    }
    await revokeDevice(user, deviceId);
    expect((await verifySession(cookie)).status).toBe('revoked');
  });

  it('signing out everywhere (refresh tokens revoked) is refused on the very next request', async () => {
    const user = await createTestUser();
    const { cookie } = await sessionCookieFor(user);
    for (let i = 0; i < 3; i++) expect((await verifySession(cookie)).status).toBe('ok');
    await nextSecond();
    await adminAuth().revokeRefreshTokens(user.uid);
    expect((await verifySession(cookie)).status).toBe('invalid');
  });
});
