import 'server-only';
import { after } from 'next/server';

/**
 * Runs a job once the response has been sent: Next's `after` keeps the function alive for it on every platform.
 * Outside a request (tests, scripts) there is no response to wait for, so the job simply starts.
 */
export function runAfterResponse(job: () => Promise<void>): void {
  const run = () => job().catch((error: unknown) => console.error('[jobs] a background job failed', error));
  try {
    after(run);
  } catch {
    void run();
  }
}
