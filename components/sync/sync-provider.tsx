'use client';

import { signOut } from 'firebase/auth';
import { enableNetwork, Timestamp } from 'firebase/firestore';
import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useFirebaseConfig } from '@/components/app-providers';
import { apiFetch } from '@/lib/api/client-fetch';
import { clientAuth, clientDb } from '@/lib/firebase/client';
import {
  eraseLocalReplicas,
  replicaName,
  type EndedReason,
  type ErasedReplicas,
} from '@/lib/sync/erase-local-replicas';
import { leaveErasedNote } from '@/lib/sync/erased-replicas-note';
import { indexedDbReplicas, indexedDbStore } from '@/lib/sync/stores/indexeddb-store';
import { SyncClient, type SyncReport } from '@/lib/sync/sync-client';
import type { CloudVersion, EntryVersion, SyncCollection } from '@/lib/sync/types';
import { webCloud } from '@/lib/sync/web-cloud';
import { fromWire, type WireVersion } from '@/lib/sync/wire';
import { listenToCloud } from './listen-to-cloud';
import { afterSync } from './retry-schedule';
import { signInBrowserDevice } from './sign-in-browser-device';
import { useBrowserEvents } from './use-browser-events';
import { usePeriodicSync } from './use-periodic-sync';
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
  const router = useRouter();
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
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopListening = useRef(() => {});
  // Every refresh renders the layout again with a new `renderedAt`; the client starts once, from the first.
  const [startedAt] = useState(renderedAt);

  const refreshSoon = useCallback(() => {
    // Leaving (erasure, sign-out): the page's own deletions must not refresh it into the sign-in redirect.
    if (leaving.current) return;
    if (refreshTimer.current) clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => router.refresh(), 250);
  }, [router]);

  /** Unasked end (revoked, expired): the outbox can never be pushed, so it is erased and the loss counted. */
  const endSession = useCallback(
    async (reason: EndedReason) => {
      if (leaving.current) return;
      leaving.current = true;
      clientRef.current = null;
      await apiFetch('/api/auth/session', { method: 'DELETE' }).catch(() => undefined);
      await signOut(clientAuth(config)).catch(() => undefined);
      const erased = await eraseLocalReplicas(indexedDbReplicas()).catch(() => null);
      try {
        if (erased) leaveErasedNote(sessionStorage, erased);
      } catch {
        // Storage refused: the sign-in page still erases and counts whatever is left.
      }
      // A full navigation on purpose: nothing of this session should survive in memory.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign(`/signin?reason=${reason}`);
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

  useEffect(() => {
    let cancelled = false;
    // Replicas of this browser's earlier sessions can never be pushed: erase them, and say so if that lost edits.
    void eraseLocalReplicas(indexedDbReplicas(), { keep: replicaName(uid, deviceId) })
      .then((erased) => {
        if (!cancelled && (erased.unsyncedChanges || erased.unreadable || erased.failed))
          setState((s) => ({ ...s, erasedOnStart: erased }));
      })
      .catch(() => undefined);
    (async () => {
      await signInBrowserDevice(config, uid, deviceId);
      const db = clientDb(config);
      const client = await SyncClient.open({
        device: { id: deviceId, platform: 'web', appVersion, name: deviceName },
        cloud: webCloud(db, uid, { isOnline: () => navigator.onLine }),
        store: localStore(uid, deviceId),
        pull: 'listener',
      });
      if (cancelled) return;
      clientRef.current = client;
      setState((s) => ({ ...s, ready: true, pending: client.pendingCount(), online: navigator.onLine }));

      stopListening.current = listenToCloud(db, {
        uid,
        deviceId,
        // Changes committed after this page was rendered (with a margin for clock differences).
        since: Timestamp.fromMillis(startedAt - 5_000),
        client,
        onReceived: refreshSoon,
        onRevoked: () => void endSession('revoked'),
      });
      await syncNow();
    })().catch((error: unknown) => {
      if (!cancelled) setState((s) => ({ ...s, problem: (error as Error).message || 'Sync could not start.' }));
    });
    return () => {
      cancelled = true;
      stopListening.current();
    };
  }, [config, uid, deviceId, deviceName, appVersion, startedAt, syncNow, refreshSoon, endSession]);

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
    const ready = () => {
      if (!clientRef.current) throw new Error('Sync is still starting. Try again in a moment.');
      return clientRef.current;
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
        const client = ready();
        await adopt(client, collectionName, id, base);
        const version = await client.edit(collectionName, id, fields);
        setState((s) => ({ ...s, pending: client.pendingCount() }));
        void syncNow();
        return version;
      },
      async remove(collectionName, id, base) {
        const client = ready();
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
        if (refreshTimer.current) clearTimeout(refreshTimer.current);
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
  }, [state, syncNow]);

  return <SyncContext.Provider value={api}>{children}</SyncContext.Provider>;
}

function localStore(uid: string, deviceId: string) {
  return indexedDbStore(replicaName(uid, deviceId), (s, ns) => new Timestamp(s, ns));
}
