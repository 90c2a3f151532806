import 'server-only';
import { cache } from 'react';
import type { UserScope } from '@/lib/auth/scope';
import { parseDoc } from '@/lib/contract/parse-docs';
import { ZUserProfile } from '@/lib/contract/schemas';
import { readDoc } from '@/lib/firebase/metered';
import { userRef } from '@/lib/firebase/refs';

export type ProfileSummary = { displayName: string; timezone: string; hasProfile: boolean };

/** Without a valid profile the portal still works, in UTC, with a notice. Cached per request. */
export const getProfile = cache(async (scope: UserScope): Promise<ProfileSummary> => {
  const snapshot = await readDoc(userRef(scope));
  const profile = snapshot.exists ? parseDoc(ZUserProfile, snapshot) : null;
  return profile
    ? { displayName: profile.displayName, timezone: profile.timezone, hasProfile: true }
    : { displayName: '', timezone: 'UTC', hasProfile: false };
});
