import 'server-only';
import type { DocumentReference, Timestamp, Transaction } from 'firebase-admin/firestore';
import { adminDb } from '@/lib/firebase/admin';
import { countReads } from '@/lib/firebase/metered';
import { firestoreCode } from '@/lib/errors/firestore-code';
import { HEARTBEAT_MS } from './job-status';
import { withDeadline } from '@/lib/firebase/with-deadline';

/** Another attempt of the same job took over (a retry): this one stops without writing anything more. */
export class JobSupersededError extends Error {
  override name = 'JobSupersededError';
}

/** Preconditions and an attempt-id transaction, so a late write from an earlier attempt never wins. */
export class JobWriter {
  private lastWrite = 0;

  constructor(
    private readonly ref: DocumentReference,
    private readonly attempt: string,
    private lastUpdateTime: Timestamp,
  ) {}

  /** Progress and heartbeat, at most once per second unless `force`. */
  async progress(fields: Record<string, unknown>, force = false): Promise<void> {
    const now = Date.now();
    if (!force && now - this.lastWrite < Math.min(1000, HEARTBEAT_MS)) return;
    this.lastWrite = now;
    try {
      const result = await withDeadline(
        this.ref.update({ ...fields, heartbeatAt: new Date(now) }, { lastUpdateTime: this.lastUpdateTime }),
        'saving progress',
      );
      this.lastUpdateTime = result.writeTime;
    } catch (error) {
      // The job document changed under us: a newer attempt owns it.
      if (firestoreCode(error) === 'failed-precondition') throw new JobSupersededError('superseded');
      throw error;
    }
  }

  /** `check` (the erasure lease) runs in the same transaction first. */
  async finish(fields: Record<string, unknown>, check?: (tx: Transaction) => Promise<void>): Promise<boolean> {
    return withDeadline(
      adminDb().runTransaction(async (tx) => {
        await check?.(tx);
        const snapshot = await tx.get(this.ref);
        countReads(1);
        if (!snapshot.exists || snapshot.get('attempt') !== this.attempt) return false;
        tx.update(this.ref, { ...fields, heartbeatAt: new Date() });
        return true;
      }),
      'saving the result',
    );
  }

  /** The database may be down too: keep trying, so the job does not look stuck until it goes stale. */
  async finishEventually(fields: Record<string, unknown>, forMs = 180_000): Promise<void> {
    const until = Date.now() + forMs;
    for (let wait = 1000; ; wait = Math.min(wait * 2, 15_000)) {
      try {
        await this.finish(fields);
        return;
      } catch (error) {
        if (Date.now() + wait > until) {
          console.error(`[jobs] could not record the outcome of ${this.ref.path}`, (error as Error).message);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }
}
