import { createStore, del, get, set } from 'idb-keyval';
import { decodeLocal, encodeLocal, type TimestampFactory } from '../local-codec';
import type { LocalState, LocalStore } from '../sync-client';

/**
 * The browser's outbox, in IndexedDB, so that an edit made offline survives a closed tab. One database per
 * user and web device; it holds only the entries this browser touched, and sign-out deletes it.
 */
export function indexedDbStore(name: string, timestamp: TimestampFactory): LocalStore & { clear(): Promise<void> } {
  const store = createStore(name, 'sync');
  return {
    load: async () => {
      const raw = await get<unknown>('state', store);
      return raw ? (decodeLocal(raw, timestamp) as LocalState) : null;
    },
    save: (state) => set('state', encodeLocal(state), store),
    clear: () => del('state', store),
  };
}
