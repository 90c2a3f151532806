import type { Metadata } from 'next';
import { DeviceList } from '@/components/devices/device-list';
import { SignOutEverywhereButton } from '@/components/portal/sign-out-everywhere-button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { requireUser } from '@/lib/auth/current-user';
import { listDevices } from '@/lib/devices/list-devices';

export const metadata: Metadata = { title: 'Devices' };

export default async function DevicesPage() {
  const caller = await requireUser();
  const devices = await listDevices(caller);
  // eslint-disable-next-line react-hooks/purity -- relative times are computed once, on the server, per request
  const now = Date.now();
  return (
    <>
      <PageHeader
        title="Devices"
        description="Every phone and browser that syncs your journal. Revoke one you lost or no longer use, or sign out of all of them at once."
        actions={<SignOutEverywhereButton />}
      />
      {devices.length === 0 ? (
        <EmptyState title="No devices yet">Your phones appear here after their first sync.</EmptyState>
      ) : (
        <DeviceList devices={devices} currentDeviceId={caller.deviceId} now={now} />
      )}
    </>
  );
}
