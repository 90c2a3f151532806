import type { LocalState, LocalStore } from '../sync-client';

/** Keeps local state in memory only: for short-lived simulated devices and tests. */
export function memoryStore(): LocalStore & { snapshot(): LocalState | null } {
  let state: LocalState | null = null;
  return {
    load: async () => (state ? structuredClone(state) : null),
    save: async (next) => void (state = structuredClone(next)),
    snapshot: () => state,
  };
}
