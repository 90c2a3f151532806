/** Collection names from the data contract (docs/contract.md). */
export const USERS = 'users';
export const SETTINGS = 'settings';
export const SYNC_SETTINGS_DOC = 'sync';
export const JOURNAL_ENTRIES = 'journal_entries';
export const MOOD_ENTRIES = 'mood_entries';
export const DEVICES = 'devices';
export const SYNC_EVENTS = 'sync_events';
export const CONFLICTS = 'conflicts';

export const ENTRY_COLLECTIONS = [JOURNAL_ENTRIES, MOOD_ENTRIES] as const;
export type EntryCollection = (typeof ENTRY_COLLECTIONS)[number];

/** `settings/sync.collections` keys, and the Firestore collections each one governs. */
export const SYNC_TYPES = ['journal', 'mood', 'profile'] as const;
export type SyncType = (typeof SYNC_TYPES)[number];
export const COLLECTION_OF_TYPE = { journal: JOURNAL_ENTRIES, mood: MOOD_ENTRIES } as const satisfies Partial<
  Record<SyncType, EntryCollection>
>;

export const userPath = (uid: string) => `${USERS}/${uid}`;
export const syncSettingsPath = (uid: string) => `${USERS}/${uid}/${SETTINGS}/${SYNC_SETTINGS_DOC}`;
export const collectionPath = (uid: string, collection: string) => `${USERS}/${uid}/${collection}`;
export const docPath = (uid: string, collection: string, id: string) => `${collectionPath(uid, collection)}/${id}`;
