import 'server-only';
import pLimit from 'p-limit';
import { BusyError } from '@/lib/errors/app-error';

/** An upload in work can hold a few hundred MB: answer 503 rather than queue memory the server lacks. */
export function createImportWorkLimiter(concurrency: number, maxWaiting: number, retryAfterSeconds = 10) {
  const limit = pLimit(concurrency);
  return async function runImportWork<T>(work: () => Promise<T>): Promise<T> {
    if (limit.activeCount + limit.pendingCount >= concurrency + maxWaiting) {
      throw new BusyError('The server is busy with other imports. Try again in a moment.', retryAfterSeconds);
    }
    return limit(work);
  };
}

export const runImportWork = createImportWorkLimiter(2, 4);
