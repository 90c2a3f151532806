// Why: docs/admin-analytics.md, "Privacy by design". Distinct users do not add up across days.
export const MIN_GROUP_USERS = 5;

export type GroupPresence = { users: number; members?: string[] };

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
