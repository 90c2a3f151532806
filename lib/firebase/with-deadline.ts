import { AppError } from '@/lib/errors/app-error';

/** The SDK retries for minutes; every job write is idempotent or attempt-guarded, so a late landing is harmless. */
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
