import { createStore, get, set } from 'idb-keyval';
import type { ReplicaDirectory } from '../erase-local-replicas';
import { decodeLocal, encodeLocal, type TimestampFactory } from '../local-codec';
import type { LocalState, LocalStore } from '../sync-client';

// Erased when its session ends, however it ends (docs/sync.md, "When a session ends").
const OBJECT_STORE = 'sync';
const STATE_KEY = 'state';
/** Names only, for browsers without `indexedDB.databases()`: a sweep must find every replica to erase it. */
const REGISTRY_KEY = 'wellsync-replica-names';
const STEP_TIMEOUT_MS = 5_000;

export function indexedDbStore(name: string, timestamp: TimestampFactory): LocalStore {
  rememberName(name);
  const store = createStore(name, OBJECT_STORE);
  // A sweep from another page (its session ended) must not wait for this tab: let the database go at once.
  let watching: Promise<void> | null = null;
  const watch = () =>
    (watching ??= store('readonly', (s) => {
      const db = s.transaction.db;
      db.onversionchange = () => db.close();
    }));
  return {
    load: async () => {
      await watch();
      const raw = await get<unknown>(STATE_KEY, store);
      return raw ? (decodeLocal(raw, timestamp) as LocalState) : null;
    },
    save: async (state) => {
      await watch();
      await set(STATE_KEY, encodeLocal(state), store);
    },
  };
}

export function indexedDbReplicas(): ReplicaDirectory {
  return {
    list: async () => {
      const listed =
        typeof indexedDB.databases === 'function'
          ? (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : []))
          : [];
      return [...listed, ...rememberedNames()];
    },
    read: (name) =>
      withDatabase(name, (db) =>
        db.objectStoreNames.contains(OBJECT_STORE)
          ? settle(db.transaction(OBJECT_STORE).objectStore(OBJECT_STORE).get(STATE_KEY))
          : null,
      ),
    erase: async (name) => {
      // Emptied first through an ordinary transaction, which no other open tab can hold up; then deleted.
      await withDatabase(name, async (db) => {
        if (!db.objectStoreNames.contains(OBJECT_STORE)) return;
        const tx = db.transaction(OBJECT_STORE, 'readwrite');
        tx.objectStore(OBJECT_STORE).clear();
        await completion(tx);
      });
      await deleteDatabase(name);
      forgetName(name);
    },
  };
}

async function withDatabase<T>(name: string, work: (db: IDBDatabase) => T | Promise<T>): Promise<T> {
  const db = await withinTimeout(settle(indexedDB.open(name)));
  try {
    return await withinTimeout(Promise.resolve(work(db)));
  } finally {
    db.close();
  }
}

/** Resolves once deleted, or once only an old tab's open connection holds it (its contents are already gone). */
function deleteDatabase(name: string): Promise<void> {
  return withinTimeout(
    new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onblocked = () => resolve();
      request.onerror = () => reject(request.error);
    }),
  );
}

function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function completion(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}

/** A database queued behind a blocked deletion never opens: give up and let the next visit retry. */
function withinTimeout<T>(promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('IndexedDB did not answer in time.')), STEP_TIMEOUT_MS);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

function rememberedNames(): string[] {
  try {
    const names = JSON.parse(localStorage.getItem(REGISTRY_KEY) ?? '[]') as unknown;
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

function rememberName(name: string) {
  try {
    localStorage.setItem(REGISTRY_KEY, JSON.stringify([...new Set([...rememberedNames(), name])]));
  } catch {
    // Storage refused (private mode, quota): `indexedDB.databases()` still finds it where supported.
  }
}

function forgetName(name: string) {
  try {
    localStorage.setItem(REGISTRY_KEY, JSON.stringify(rememberedNames().filter((n) => n !== name)));
  } catch {
    // As above.
  }
}
