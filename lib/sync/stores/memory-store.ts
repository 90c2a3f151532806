import type { LocalState, LocalStore } from '../sync-client';

export function memoryStore(): LocalStore & { snapshot(): LocalState | null } {
  let state: LocalState | null = null;
  return {
    load: async () => (state ? structuredClone(state) : null),
    save: async (next) => void (state = structuredClone(next)),
    snapshot: () => state,
  };
}
