import { describe, expect, it } from 'vitest';
import { firestoreCode } from './firestore-code';

describe('firestoreCode', () => {
  it.each([
    [{ code: 14 }, 'unavailable'],
    [{ code: 4 }, 'deadline-exceeded'],
    [{ code: 9 }, 'failed-precondition'],
    [{ code: 6 }, 'already-exists'],
    [{ code: 13 }, 'internal'],
    [{ code: 2 }, null],
    [{ code: 'unavailable' }, 'unavailable'],
    [{ code: 'firestore/permission-denied' }, 'permission-denied'],
    [new Error('no code'), null],
    [null, null],
  ])('%j is %j', (error, name) => {
    expect(firestoreCode(error)).toBe(name);
  });
});
