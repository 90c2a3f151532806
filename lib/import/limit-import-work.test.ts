import { describe, expect, it } from 'vitest';
import { BusyError } from '@/lib/errors/app-error';
import { createImportWorkLimiter } from './limit-import-work';

function deferred() {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { done, release };
}

describe('createImportWorkLimiter', () => {
  it('runs at most two at once, queues two more, and refuses the rest with a retry time', async () => {
    const run = createImportWorkLimiter(2, 2, 7);
    let active = 0;
    let peak = 0;
    const gates = Array.from({ length: 4 }, deferred);
    const work = (i: number) => async () => {
      peak = Math.max(peak, ++active);
      await gates[i]!.done;
      active -= 1;
      return i;
    };
    const accepted = [0, 1, 2, 3].map((i) => run(work(i)));
    await expect(run(work(0))).rejects.toSatisfy(
      (error) => error instanceof BusyError && error.code === 'unavailable' && error.retryAfterSeconds === 7,
    );
    await Promise.resolve();
    expect(active).toBe(2);
    for (const gate of gates) gate.release();
    expect(await Promise.all(accepted)).toEqual([0, 1, 2, 3]);
    expect(peak).toBe(2);
    // Once the queue drains, new work is taken again.
    await expect(run(async () => 'again')).resolves.toBe('again');
  });
});
