import Link from 'next/link';
import type { ReactNode } from 'react';
import { PortalNav, type NavItem } from '@/components/portal/portal-nav';
import { SignOutButton } from '@/components/portal/sign-out-button';
import { PortalErasedReplicasNotice } from '@/components/sync/erased-replicas-notice';
import { SyncProvider } from '@/components/sync/sync-provider';
import { SyncStatus } from '@/components/sync/sync-status';
import { AppShell } from '@/components/ui/app-shell';
import { requireUser } from '@/lib/auth/current-user';
import { APP_VERSION } from '@/lib/config/app-version';
import { countUnresolvedConflicts } from '@/lib/conflicts/list-conflicts';
import { getProfile } from '@/lib/profile/get-profile';

/** The signed-in portal's frame. Each page checks the session again itself: a layout is not a guard. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const caller = await requireUser();
  const [profile, conflicts] = await Promise.all([getProfile(caller), countUnresolvedConflicts(caller)]);
  const items: NavItem[] = [
    { href: '/journal', label: 'Journal' },
    { href: '/mood', label: 'Mood' },
    { href: '/devices', label: 'Devices' },
    { href: '/conflicts', label: 'Conflicts', badge: conflicts },
    { href: '/settings/sync', label: 'Sync settings' },
    { href: '/data', label: 'Your data' },
  ];
  // Live updates start from this render's time; a Server Component renders once per request.
  // eslint-disable-next-line react-hooks/purity
  const renderedAt = Date.now();
  return (
    <SyncProvider
      uid={caller.uid}
      deviceId={caller.deviceId}
      deviceName="Web browser"
      appVersion={APP_VERSION}
      renderedAt={renderedAt}
    >
      <AppShell
        brand={
          <Link href="/journal" className="font-semibold tracking-tight text-accent">
            wellsync
          </Link>
        }
        nav={<PortalNav items={items} />}
        actions={
          <>
            <SyncStatus />
            {caller.isAdmin && (
              <Link href="/admin" className="rounded-lg px-3 py-2 text-muted hover:bg-card-muted hover:text-fg">
                Admin
              </Link>
            )}
            <span className="hidden text-muted sm:inline">{profile.displayName || caller.email}</span>
            <SignOutButton />
          </>
        }
      >
        <PortalErasedReplicasNotice />
        {children}
      </AppShell>
    </SyncProvider>
  );
}
