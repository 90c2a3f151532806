import type { ReactNode } from 'react';

/** The signed-in frame: a skip link, a header with the brand, navigation and actions, and the main region. */
export function AppShell({
  brand,
  nav,
  actions,
  children,
}: {
  brand: ReactNode;
  nav: ReactNode;
  actions: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:rounded focus:bg-card focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-border bg-card">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex flex-wrap items-center gap-4">
            {brand}
            {nav}
          </div>
          <div className="flex items-center gap-2 text-sm">{actions}</div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
