'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { PublicFirebaseConfig } from '@/lib/firebase/public-config';

const FirebaseConfigContext = createContext<PublicFirebaseConfig | null>(null);

/** The browser's Firebase settings, passed down from the server at request time. */
export function useFirebaseConfig(): PublicFirebaseConfig {
  const config = useContext(FirebaseConfigContext);
  if (!config) throw new Error('useFirebaseConfig must be used inside <AppProviders>');
  return config;
}

export function AppProviders({
  firebaseConfig,
  children,
}: {
  firebaseConfig: PublicFirebaseConfig;
  children: ReactNode;
}) {
  // Every refresh renders the root layout again and sends an equal but new object: the first is kept, so that what
  // depends on it (the sync client, which opens once per page) does not start again.
  const [config] = useState(firebaseConfig);
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 } } }),
  );
  return (
    <FirebaseConfigContext.Provider value={config}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </FirebaseConfigContext.Provider>
  );
}
