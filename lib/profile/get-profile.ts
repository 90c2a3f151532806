import 'server-only';
import { cache } from 'react';
import type { UserScope } from '@/lib/auth/scope';
import { parseDoc } from '@/lib/contract/parse-docs';
import { ZUserProfile } from '@/lib/contract/schemas';
import { readDoc } from '@/lib/firebase/metered';
import { userRef } from '@/lib/firebase/refs';

export type ProfileSummary = { displayName: string; timezone: string; hasProfile: boolean };

/**
 * The user's name and time zone. A user whose phone has not synced a profile yet (or wrote a bad one)
 * still gets a working portal, in UTC, with a notice. Cached per request (layout and page share one read).
 */
export const getProfile = cache(async (scope: UserScope): Promise<ProfileSummary> => {
  const snapshot = await readDoc(userRef(scope));
  const profile = snapshot.exists ? parseDoc(ZUserProfile, snapshot) : null;
  return profile
    ? { displayName: profile.displayName, timezone: profile.timezone, hasProfile: true }
    : { displayName: '', timezone: 'UTC', hasProfile: false };
});
