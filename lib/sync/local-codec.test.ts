import { Timestamp } from 'firebase/firestore';
import { expect, it } from 'vitest';
import { decodeLocal, encodeLocal } from './local-codec';

it('round-trips Timestamps (microseconds intact) through JSON, inside maps and lists', () => {
  const state = {
    docs: {
      e1: {
        cloud: { title: 'x', createdAt: new Timestamp(1_764_000_000, 123_456_000), tags: ['a'] },
        pending: [{ deletedAt: null, updatedAt: new Timestamp(5, 1000) }],
      },
    },
  };
  const restored = decodeLocal(
    JSON.parse(JSON.stringify(encodeLocal(state))),
    (s, ns) => new Timestamp(s, ns),
  ) as typeof state;
  expect(restored).toEqual(state);
  expect(restored.docs.e1.cloud.createdAt).toBeInstanceOf(Timestamp);
  expect(restored.docs.e1.cloud.createdAt.nanoseconds).toBe(123_456_000);
});

it('leaves a user map that merely has a $ts key alongside others alone', () => {
  const value = { $ts: [1, 2], other: true };
  expect(decodeLocal(value, () => 'converted')).toEqual(value);
});
