import { AppError } from '@/lib/api/errors';

/**
 * Firestore's SDK retries a write to an unreachable backend for up to ten minutes. A background job would sit
 * silently for that long, so each of its Firestore calls gets a deadline and fails clearly instead. Everything a
 * job writes is idempotent or guarded by its attempt id, so a call that still lands after its deadline is harmless.
 */
export const JOB_CALL_DEADLINE_MS = Number(process.env.WELLSYNC_JOB_DEADLINE_MS ?? 20_000);

export async function withDeadline<T>(work: Promise<T>, what: string, ms = JOB_CALL_DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('unavailable', `Our database did not answer while ${what}.`)), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
