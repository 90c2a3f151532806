// Reads and changes what syncs: cloud sync on or off, and each data type.
import { withUser } from '@/lib/api/guard';
import { getSyncSettings } from '@/lib/sync-settings/get-sync-settings';
import { updateSyncSettings, ZUpdateSyncSettingsRequest } from '@/lib/sync-settings/update-sync-settings';

export const GET = withUser(async ({ caller }) => getSyncSettings(caller));

export const PUT = withUser(
  async ({ caller, body }) => {
    await updateSyncSettings(caller, body);
    return getSyncSettings(caller);
  },
  { body: ZUpdateSyncSettingsRequest },
);
