import 'server-only';
import pLimit from 'p-limit';
import { BusyError } from '@/lib/errors/app-error';

/**
 * Each upload being read and checked can hold a few hundred MB (the file, its unpacked members, the plan), so one
 * server instance works on at most `concurrency` at once. A few more may wait their turn; past that the server
 * answers 503 with Retry-After rather than queueing memory it does not have.
 */
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
