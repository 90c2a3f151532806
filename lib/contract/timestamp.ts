import { z } from 'zod';

/** The shape is checked and the instance kept, so microseconds survive a read-write cycle. */
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
