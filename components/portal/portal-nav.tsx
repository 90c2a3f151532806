'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/components/ui/cn';

export type NavItem = { href: string; label: string; badge?: number; exact?: boolean };

export function PortalNav({ items, label = 'Portal' }: { items: NavItem[]; label?: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => {
          // An index link (/admin) is active on its own page only; the others also on their subpages.
          const active = pathname === item.href || (item.exact !== true && pathname.startsWith(`${item.href}/`));
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'inline-flex items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium',
                  active ? 'bg-accent-soft text-fg' : 'text-muted hover:bg-card-muted hover:text-fg',
                )}
              >
                {item.label}
                {item.badge ? (
                  <>
                    <span
                      aria-hidden="true"
                      className="rounded-full bg-danger px-2 py-0.5 text-xs font-semibold text-white dark:text-black"
                    >
                      {item.badge}
                    </span>
                    <span className="sr-only">({item.badge} waiting)</span>
                  </>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
