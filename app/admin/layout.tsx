import Link from 'next/link';
import type { ReactNode } from 'react';
import { PortalNav, type NavItem } from '@/components/portal/portal-nav';
import { SignOutButton } from '@/components/portal/sign-out-button';
import { AppShell } from '@/components/ui/app-shell';
import { requireAdmin } from '@/lib/auth/current-user';

export const metadata = { title: { default: 'Admin', template: '%s · Admin · wellsync' } };

/** The admin frame. Each page checks the admin claim again (and logs the view): a layout is not a guard. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const caller = await requireAdmin();
  const items: NavItem[] = [
    { href: '/admin', label: 'Overview', exact: true },
    { href: '/admin/adoption', label: 'Adoption' },
    { href: '/admin/cost', label: 'Cost' },
    { href: '/admin/reliability', label: 'Reliability' },
    { href: '/admin/audit', label: 'Audit log' },
  ];
  return (
    <AppShell
      brand={
        <Link href="/admin" className="font-semibold tracking-tight text-accent">
          wellsync admin
        </Link>
      }
      nav={<PortalNav items={items} label="Admin" />}
      actions={
        <>
          <Link href="/journal" className="rounded-lg px-3 py-2 text-muted hover:bg-card-muted hover:text-fg">
            Back to the portal
          </Link>
          <span className="hidden text-muted sm:inline">{caller.email}</span>
          <SignOutButton />
        </>
      }
    >
      <p className="mb-4 text-xs text-muted">
        Metadata only: these pages are built from sync telemetry, device and settings rollups. No journal or mood
        content is read, and every view is logged.
      </p>
      {children}
    </AppShell>
  );
}
