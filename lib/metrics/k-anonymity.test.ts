import { describe, expect, it } from 'vitest';
import { isGroupVisible, membersToKeep, rangeUserFloor } from './k-anonymity';

describe('k-anonymity over a range of days', () => {
  it('shows a group once one day alone had five users', () => {
    expect(isGroupVisible([{ users: 2, members: ['a', 'b'] }, { users: 5 }])).toBe(true);
  });

  it('unions the ids of small days, counting a returning user once', () => {
    const days = [
      { users: 2, members: ['a', 'b'] },
      { users: 2, members: ['a', 'c'] },
      { users: 1, members: ['b'] },
    ];
    expect(rangeUserFloor(days)).toBe(3);
    expect(isGroupVisible(days)).toBe(false);
    expect(isGroupVisible([...days, { users: 2, members: ['d', 'e'] }])).toBe(true);
  });

  it('keeps ids only for groups under five users', () => {
    expect(membersToKeep(['b', 'a', 'b'])).toEqual(['a', 'b']);
    expect(membersToKeep(['a', 'b', 'c', 'd', 'e'])).toBeUndefined();
  });
});
