/** Users measured per storage pass when there are few enough; more are split into turns (docs/admin-analytics.md). */
export const STORAGE_USERS_PER_PASS = 500;
/** At most this many turns, so that at four passes a day a user who keeps syncing is measured about weekly. */
export const MAX_STORAGE_TURNS = 28;

/** A user's turn is fixed by their pseudonymous id, so it does not move as others come and go. */
export function storageTurn<T>(users: ReadonlyMap<string, T>, pass: number): Map<string, T> {
  const turns = Math.min(MAX_STORAGE_TURNS, Math.ceil(users.size / STORAGE_USERS_PER_PASS));
  if (turns <= 1) return new Map(users);
  const turn = pass % turns;
  return new Map([...users].filter(([pid]) => Number.parseInt(pid.slice(1, 9), 16) % turns === turn));
}
