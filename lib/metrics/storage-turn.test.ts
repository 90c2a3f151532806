import { describe, expect, it } from 'vitest';
import { MAX_STORAGE_TURNS, STORAGE_USERS_PER_PASS, storageTurn } from './storage-turn';

const pids = (n: number) =>
  new Map(
    Array.from({ length: n }, (_, i) => [`p${((i * 2654435761) >>> 0).toString(16).padStart(8, '0')}00000000`, i]),
  );

describe('storageTurn', () => {
  it('measures every recent user while there are at most 500', () => {
    const users = pids(STORAGE_USERS_PER_PASS);
    expect(storageTurn(users, 7)).toEqual(users);
  });

  it('splits a larger fleet into turns that together cover each user exactly once', () => {
    const users = pids(7_000);
    const turns = Array.from({ length: 14 }, (_, pass) => storageTurn(users, pass));
    expect(turns.reduce((n, turn) => n + turn.size, 0)).toBe(users.size);
    expect(new Set(turns.flatMap((turn) => [...turn.keys()])).size).toBe(users.size);
    for (const turn of turns) expect(turn.size).toBeGreaterThan(300);
    for (const turn of turns) expect(turn.size).toBeLessThan(700);
    // The 15th pass comes round to the first turn again.
    expect(storageTurn(users, 14)).toEqual(turns[0]);
  });

  it('keeps a user in the same turn when others join (while the number of turns stays 12)', () => {
    const before = storageTurn(pids(5_600), 3);
    const after = storageTurn(pids(6_000), 3);
    for (const pid of before.keys()) expect(after.has(pid)).toBe(true);
  });

  it('uses at most 28 turns, so a very large fleet is measured about weekly', () => {
    const users = pids(40_000);
    const sizes = Array.from({ length: MAX_STORAGE_TURNS }, (_, pass) => storageTurn(users, pass).size);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(users.size);
    expect(Math.min(...sizes)).toBeGreaterThan(users.size / MAX_STORAGE_TURNS / 2);
  });
});
