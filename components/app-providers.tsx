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
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false, retry: 1 } } }),
  );
  return (
    <FirebaseConfigContext.Provider value={firebaseConfig}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </FirebaseConfigContext.Provider>
  );
}
