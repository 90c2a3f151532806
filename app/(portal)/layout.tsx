import Link from 'next/link';
import type { ReactNode } from 'react';
import { PortalNav, type NavItem } from '@/components/portal/portal-nav';
import { SignOutButton } from '@/components/portal/sign-out-button';
import { requireUser } from '@/lib/auth/current-user';
import { getProfile } from '@/lib/profile/get-profile';

/** The signed-in portal's frame. Each page checks the session again itself: a layout is not a guard. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const caller = await requireUser();
  const profile = await getProfile(caller);
  const items: NavItem[] = [
    { href: '/journal', label: 'Journal' },
    { href: '/mood', label: 'Mood' },
    { href: '/data', label: 'Your data' },
  ];
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:rounded focus:bg-card focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-border bg-card">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex flex-wrap items-center gap-4">
            <Link href="/journal" className="font-semibold tracking-tight text-accent">
              wellsync
            </Link>
            <PortalNav items={items} />
          </div>
          <div className="flex items-center gap-2 text-sm">
            {caller.isAdmin && (
              <Link href="/admin" className="rounded-lg px-3 py-2 text-muted hover:bg-card-muted hover:text-fg">
                Admin
              </Link>
            )}
            <span className="hidden text-muted sm:inline">{profile.displayName || caller.email}</span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
