'use client';

import { enableNetwork, Timestamp } from 'firebase/firestore';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useFirebaseConfig } from '@/components/app-providers';
import { clientDb } from '@/lib/firebase/client';
import { eraseLocalReplicas, type EndedReason, type ErasedReplicas } from '@/lib/sync/erase-local-replicas';
import { indexedDbReplicas } from '@/lib/sync/stores/indexeddb-store';
import type { SyncClient, SyncReport } from '@/lib/sync/sync-client';
import type { CloudVersion, EntryVersion, SyncCollection } from '@/lib/sync/types';
import { fromWire, type WireVersion } from '@/lib/sync/wire';
import { endSessionAndErase } from './end-session';
import { afterSync } from './retry-schedule';
import { startSyncClient } from './start-sync-client';
import { useBrowserEvents } from './use-browser-events';
import { useEraseEarlierReplicas } from './use-erase-earlier-replicas';
import { usePeriodicSync } from './use-periodic-sync';
import { useRefreshSoon } from './use-refresh-soon';
import { useRetryAfterFailure } from './use-retry-after-failure';

export type SyncState = {
  ready: boolean;
  online: boolean;
  pending: number;
  syncing: boolean;
  lastReport: SyncReport | null;
  problem: string | null;
  erasedOnStart: ErasedReplicas | null;
};

type SyncApi = SyncState & {
  /** Saves an edit on this device (it survives a closed tab) and starts a sync. `base` is the version the page showed. */
  edit(
    collection: SyncCollection,
    id: string,
    fields: Record<string, unknown>,
    base?: WireVersion | null,
  ): Promise<EntryVersion>;
  remove(collection: SyncCollection, id: string, base?: WireVersion | null): Promise<EntryVersion>;
  syncNow(): Promise<SyncReport | null>;
  timestamp(millis: number): Timestamp;
  pendingFor(collection: SyncCollection, id: string): boolean;
  /** The session's end is expected here, not taken for a revocation; if `endOnServer` fails nothing is erased. */
  forget<T>(endOnServer: () => Promise<T>): Promise<T>;
};

const SyncContext = createContext<SyncApi | null>(null);
/** How long an edit waits for a client that is still starting before it says so. */
const START_WAIT_MS = 10_000;

export function useSync(): SyncApi {
  const api = useContext(SyncContext);
  if (!api) throw new Error('useSync must be used inside <SyncProvider>');
  return api;
}

/** For components also used outside the portal (the admin pages are not a sync client). */
export function useOptionalSync(): SyncApi | null {
  return useContext(SyncContext);
}

/** The browser as a sync client: docs/sync.md, "The web is a device". */
export function SyncProvider({
  uid,
  deviceId,
  deviceName,
  appVersion,
  renderedAt,
  children,
}: {
  uid: string;
  deviceId: string;
  deviceName: string;
  appVersion: string;
  renderedAt: number;
  children: ReactNode;
}) {
  const config = useFirebaseConfig();
  const clientRef = useRef<SyncClient | null>(null);
  const leaving = useRef(false);
  const [state, setState] = useState<SyncState>({
    ready: false,
    online: true,
    pending: 0,
    syncing: false,
    lastReport: null,
    problem: null,
    erasedOnStart: null,
  });
  const stopListening = useRef(() => {});
  // An edit made while the client is still starting (a quick save right after sign-in) waits for it.
  const [clientStarted] = useState(() => {
    let resolve: (client: SyncClient) => void = () => {};
    const promise = new Promise<SyncClient>((done) => (resolve = done));
    return { promise, resolve };
  });
  // Every refresh renders the layout again with a new `renderedAt`; the client starts once, from the first.
  const [startedAt] = useState(renderedAt);
  const { refreshSoon, cancelRefresh } = useRefreshSoon(leaving);

  const endSession = useCallback(
    async (reason: EndedReason) => {
      if (leaving.current) return;
      leaving.current = true;
      clientRef.current = null;
      await endSessionAndErase(config, reason);
    },
    [config],
  );

  const syncNow = useCallback(async (): Promise<SyncReport | null> => {
    const client = clientRef.current;
    if (!client || leaving.current) return null;
    setState((s) => ({ ...s, syncing: true }));
    const report = await client.sync();
    setState((s) => ({
      ...s,
      syncing: false,
      pending: client.pendingCount(),
      lastReport: report,
      online: navigator.onLine,
    }));

    const next = afterSync(report);
    if (next === 'end-session') void endSession('revoked');
    else if (next === 'refresh') refreshSoon();
    return report;
  }, [refreshSoon, endSession]);

  useRetryAfterFailure(state.lastReport, state.online, syncNow);

  const onEarlierLoss = useCallback((erased: ErasedReplicas) => setState((s) => ({ ...s, erasedOnStart: erased })), []);
  useEraseEarlierReplicas(uid, deviceId, onEarlierLoss);

  useEffect(() => {
    let cancelled = false;
    const device = { uid, deviceId, deviceName, appVersion };
    startSyncClient(config, device, {
      sinceMillis: startedAt,
      onReceived: refreshSoon,
      onRevoked: () => void endSession('revoked'),
    })
      .then(async (started) => {
        stopListening.current = started.stopListening;
        if (cancelled) return started.stopListening();
        clientRef.current = started.client;
        clientStarted.resolve(started.client);
        setState((s) => ({ ...s, ready: true, pending: started.client.pendingCount(), online: navigator.onLine }));
        await syncNow();
      })
      .catch((error: unknown) => {
        if (!cancelled) setState((s) => ({ ...s, problem: (error as Error).message || 'Sync could not start.' }));
      });
    return () => {
      cancelled = true;
      stopListening.current();
    };
  }, [config, uid, deviceId, deviceName, appVersion, startedAt, syncNow, refreshSoon, endSession, clientStarted]);

  const onOnline = useCallback(() => {
    setState((s) => ({ ...s, online: true }));
    // Tell the SDK now rather than waiting for its own reconnect backoff.
    void enableNetwork(clientDb(config)).finally(() => void syncNow());
  }, [config, syncNow]);
  const onOffline = useCallback(() => setState((s) => ({ ...s, online: false })), []);
  const onSessionEnded = useCallback(() => void endSession('expired'), [endSession]);
  useBrowserEvents({ onOnline, onOffline, onSessionEnded });
  usePeriodicSync(syncNow);

  const api = useMemo<SyncApi>(() => {
    const ready = async () => {
      const client =
        clientRef.current ??
        (await Promise.race([
          clientStarted.promise,
          new Promise<null>((resolve) => setTimeout(resolve, START_WAIT_MS, null)),
        ]));
      if (!client || leaving.current) throw new Error('Sync is still starting. Try again in a moment.');
      return client;
    };
    const adopt = async (client: SyncClient, collectionName: SyncCollection, id: string, base?: WireVersion | null) => {
      // The page's copy is the cloud version the user is looking at; the device adopts it unless it holds newer.
      if (base && client.get(collectionName, id)?.rev !== base.rev && !client.hasPending(collectionName, id)) {
        await client.receive(collectionName, id, fromWire(base, (s, ns) => new Timestamp(s, ns)) as CloudVersion);
      }
    };
    return {
      ...state,
      async edit(collectionName, id, fields, base) {
        const client = await ready();
        await adopt(client, collectionName, id, base);
        const version = await client.edit(collectionName, id, fields);
        setState((s) => ({ ...s, pending: client.pendingCount() }));
        void syncNow();
        return version;
      },
      async remove(collectionName, id, base) {
        const client = await ready();
        await adopt(client, collectionName, id, base);
        const version = await client.remove(collectionName, id);
        setState((s) => ({ ...s, pending: client.pendingCount() }));
        void syncNow();
        return version;
      },
      syncNow,
      timestamp: (millis) => Timestamp.fromMillis(millis),
      pendingFor: (collectionName, id) => clientRef.current?.hasPending(collectionName, id) ?? false,
      forget: async (endOnServer) => {
        leaving.current = true;
        cancelRefresh();
        let ended;
        try {
          ended = await endOnServer();
        } catch (error) {
          leaving.current = false;
          throw error;
        }
        clientRef.current = null;
        stopListening.current();
        // What cannot be erased now is erased by the sign-in page this leads to.
        await eraseLocalReplicas(indexedDbReplicas()).catch(() => undefined);
        return ended;
      },
    };
  }, [state, syncNow, cancelRefresh, clientStarted]);

  return <SyncContext.Provider value={api}>{children}</SyncContext.Provider>;
}
