import { z } from 'zod';

/**
 * A Firestore Timestamp from either SDK. firebase-admin and the browser SDK have their own classes with the
 * same shape, so the contract checks the shape and keeps the instance: microseconds survive a read-write cycle.
 */
export type FirestoreTimestamp = {
  readonly seconds: number;
  readonly nanoseconds: number;
  toMillis(): number;
  toDate(): Date;
};

export function isTimestamp(value: unknown): value is FirestoreTimestamp {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<FirestoreTimestamp>;
  return (
    typeof candidate.toMillis === 'function' &&
    Number.isInteger(candidate.seconds) &&
    Number.isInteger(candidate.nanoseconds) &&
    (candidate.nanoseconds as number) >= 0 &&
    (candidate.nanoseconds as number) < 1e9
  );
}

export const ZTimestamp = z.custom<FirestoreTimestamp>(isTimestamp, { message: 'Expected a Firestore Timestamp' });
export const ZTimestampOrNull = ZTimestamp.nullable();
