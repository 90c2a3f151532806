import 'server-only';
import { withDeadline } from '@/lib/firebase/with-deadline';
import { AppError } from '@/lib/errors/app-error';
import { adminDb } from '@/lib/firebase/admin';
import { countReads } from '@/lib/firebase/metered';
import { rollupStateRef } from './metrics-refs';

/** One writer under `metrics/`, so a rollup begun before an erasure cannot write the erased user back. */
export const LEASE_TTL_MS = 15 * 60_000;

export async function tryAcquireLease(
  runId: string,
  nowMs = Date.now(),
  ttlMs = LEASE_TTL_MS,
): Promise<{ acquired: true } | { acquired: false; untilMs: number }> {
  const taking = adminDb().runTransaction(async (tx) => {
    countReads(1);
    const snapshot = await tx.get(rollupStateRef());
    const lease = snapshot.get('lease') as { runId: string; untilMs: number } | null | undefined;
    if (lease && lease.runId !== runId && lease.untilMs > nowMs)
      return { acquired: false as const, untilMs: lease.untilMs };
    tx.set(rollupStateRef(), { lease: { runId, untilMs: nowMs + ttlMs } }, { merge: true });
    return { acquired: true as const };
  });
  return withDeadline(taking, 'taking the rollup lease', 30_000);
}

export async function releaseLease(runId: string): Promise<void> {
  const releasing = adminDb().runTransaction(async (tx) => {
    countReads(1);
    const snapshot = await tx.get(rollupStateRef());
    if ((snapshot.get('lease') as { runId?: string } | null | undefined)?.runId === runId)
      tx.set(rollupStateRef(), { lease: null }, { merge: true });
  });
  await withDeadline(releasing, 'releasing the rollup lease', 30_000);
}

export async function withLease<T>(runId: string, work: () => Promise<T>, { waitMs = 0 } = {}): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const attempt = await tryAcquireLease(runId);
    if (attempt.acquired) break;
    if (Date.now() >= deadline) {
      throw new AppError(
        'conflict',
        `A metrics rollup is already running (its lease ends at ${new Date(attempt.untilMs).toISOString()}). Try again in a few minutes.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  try {
    return await work();
  } finally {
    // After an outage the release itself may fail; keep trying for a while in the background, so the next run
    // need not wait out the lease's time-to-live.
    await releaseLease(runId).catch(() => retryRelease(runId));
  }
}

/** Until the lease would have expired anyway: after that, releasing it changes nothing. */
function retryRelease(runId: string, giveUpAtMs = Date.now() + LEASE_TTL_MS) {
  if (Date.now() >= giveUpAtMs) return;
  setTimeout(() => void releaseLease(runId).catch(() => retryRelease(runId, giveUpAtMs)), 2000).unref();
}
