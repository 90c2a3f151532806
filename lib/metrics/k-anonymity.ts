/**
 * Breakdowns hide groups of fewer than 5 distinct users (docs/admin-analytics.md, "Privacy"). Distinct users do
 * not add up across days, so a day rollup keeps, for each group, its distinct-user count and, only while that count
 * is under 5, the group's pseudonymous ids. Over a range, a group is shown when some day alone had 5 users, or when
 * the union of its small days' ids reaches 5: both are exact lower bounds of the range's distinct users.
 */
export const MIN_GROUP_USERS = 5;

export type GroupPresence = { users: number; members?: string[] };

/** A lower bound of the distinct users a group had over several days (exact while it is under 5). */
export function rangeUserFloor(days: GroupPresence[]): number {
  let largestDay = 0;
  const members = new Set<string>();
  for (const day of days) {
    largestDay = Math.max(largestDay, day.users);
    for (const id of day.members ?? []) members.add(id);
  }
  return Math.max(largestDay, members.size);
}

export function isGroupVisible(days: GroupPresence[]): boolean {
  return rangeUserFloor(days) >= MIN_GROUP_USERS;
}

/** The ids to keep for a group of one day: none once it has 5 users (it is shown whatever the range). */
export function membersToKeep(userIds: Iterable<string>): string[] | undefined {
  const ids = [...new Set(userIds)].sort();
  return ids.length < MIN_GROUP_USERS ? ids : undefined;
}
