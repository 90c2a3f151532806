import type { Metadata } from 'next';
import { SyncSettingsForm } from '@/components/sync-settings/sync-settings-form';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';
import { getEnv } from '@/lib/config/env';
import { getCloudStats } from '@/lib/sync-settings/get-cloud-stats';
import { getSyncSettings } from '@/lib/sync-settings/get-sync-settings';

export const metadata: Metadata = { title: 'Sync settings' };

export default async function SyncSettingsPage() {
  const caller = await requireUser();
  const [settings, stats] = await Promise.all([getSyncSettings(caller), getCloudStats(caller)]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Sync settings"
        description="Choose what your phones keep in the cloud. Your phones pick up a change at their next sync."
      />
      <SyncSettingsForm
        saved={{ enabled: settings.enabled, collections: settings.collections }}
        stats={stats}
        prices={getEnv().prices}
      />
    </div>
  );
}
