import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { AppProviders } from '@/components/app-providers';
import { publicFirebaseConfig } from '@/lib/config/env';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'wellsync', template: '%s · wellsync' },
  description: 'Your synced journal and mood history.',
  robots: { index: false, follow: false },
  icons: { icon: '/favicon.svg' },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f6f7f5' },
    { media: '(prefers-color-scheme: dark)', color: '#0f1317' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page dynamic, which the per-request CSP nonce (proxy.ts) requires.
  await headers();
  return (
    <html lang="en">
      <body className="min-h-screen bg-bg font-sans text-fg antialiased">
        <AppProviders firebaseConfig={publicFirebaseConfig()}>{children}</AppProviders>
      </body>
    </html>
  );
}
