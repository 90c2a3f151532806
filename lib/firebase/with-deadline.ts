import { AppError } from '@/lib/errors/app-error';

/**
 * Firestore's SDK retries a call to an unreachable backend for a long time (reads for about a minute, writes for
 * up to ten). A page, a request or a background job would sit silently for that long, so calls get a deadline
 * and fail clearly instead (503, "nothing was changed"). Reads are safe to abandon; everything a job writes is
 * idempotent or guarded by its attempt id, so a call that still lands after its deadline is harmless.
 */
export const jobCallDeadlineMs = () => Number(process.env.WELLSYNC_JOB_DEADLINE_MS ?? 20_000);
/** Read when each call starts, so a process can set it after its imports (`npm run bench` lengthens its own). */
export const readDeadlineMs = () => Number(process.env.WELLSYNC_READ_DEADLINE_MS ?? 10_000);

export async function withDeadline<T>(work: Promise<T>, what: string, ms = jobCallDeadlineMs()): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError(
            'unavailable',
            `Our database did not answer while ${what}. Nothing was changed; please try again in a moment.`,
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
