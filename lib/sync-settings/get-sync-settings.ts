import 'server-only';
import type { UserScope } from '@/lib/auth/scope';
import { parseDoc } from '@/lib/contract/parse-docs';
import { ZSyncSettings } from '@/lib/contract/schemas';
import { readDoc } from '@/lib/firebase/metered';
import { syncSettingsRef } from '@/lib/firebase/refs';

export type SyncSettingsSummary = {
  enabled: boolean;
  collections: { journal: boolean; mood: boolean; profile: boolean };
  updatedAtMs: number | null;
  updatedBy: string | null;
};

/** The user's sync settings; a user whose phone never wrote them syncs everything (the app's default). */
export async function getSyncSettings(scope: UserScope): Promise<SyncSettingsSummary> {
  const snapshot = await readDoc(syncSettingsRef(scope));
  const settings = snapshot.exists ? parseDoc(ZSyncSettings, snapshot) : null;
  if (!settings)
    return {
      enabled: true,
      collections: { journal: true, mood: true, profile: true },
      updatedAtMs: null,
      updatedBy: null,
    };
  return {
    enabled: settings.enabled,
    collections: settings.collections,
    updatedAtMs: settings.updatedAt.toMillis(),
    updatedBy: settings.updatedBy,
  };
}
