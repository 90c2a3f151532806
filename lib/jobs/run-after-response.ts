import 'server-only';
import { after } from 'next/server';

/** Outside a request (tests, scripts) the job simply starts. */
export function runAfterResponse(job: () => Promise<void>): void {
  const run = () => job().catch((error: unknown) => console.error('[jobs] a background job failed', error));
  try {
    after(run);
  } catch {
    void run();
  }
}
