import { expect } from 'vitest';
import { ERROR_STATUS } from '@/lib/api/errors';
import { AppError } from '@/lib/errors/app-error';

/** The CPU budget issue 13 sets for any import of up to 1 MB. */
export const CPU_BOUND_MS = 100;
/** Linear work grows 10× from 100 KB to 1 MB; quadratic work grows 100×. 30 leaves room for noise and GC. */
export const MAX_GROWTH = 30;
/**
 * Below this, process CPU accounting is mostly noise (a GC slice, a page fault), so a ratio of two tiny numbers
 * says nothing; at that scale the absolute bound is the guard.
 */
const NOISE_FLOOR_MS = 2;

/**
 * CPU time (user + system of this process, so a loaded machine's waiting is not counted) of one call, the least of
 * `runs` tries: the minimum drops a GC pause or a cold JIT that has nothing to do with the input.
 */
export async function cpuMs(run: () => unknown, runs = 5): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i += 1) {
    const start = process.cpuUsage();
    try {
      await run();
    } catch {
      // The outcome is checked by expectPlanOrRefusal; here only the time counts.
    }
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** A parser may return a plan or refuse with its own 4xx AppError; anything else would be a 500 (a crash). */
export async function expectPlanOrRefusal(run: () => unknown): Promise<'plan' | 'refused'> {
  try {
    await run();
    return 'plan';
  } catch (error) {
    expect(error, String((error as Error)?.stack)).toBeInstanceOf(AppError);
    expect(ERROR_STATUS[(error as AppError).code]).toBeGreaterThanOrEqual(400);
    expect(ERROR_STATUS[(error as AppError).code]).toBeLessThan(500);
    return 'refused';
  }
}

/**
 * Measures an attack at 100 KB and at 1 MB: both within the budget, and the growth linear. The small size is
 * checked first so that quadratic code fails in seconds instead of running the 1 MB case for minutes.
 */
export async function expectLinearWithinBudget(
  make: (bytes: number) => Buffer | Promise<Buffer>,
  run: (input: Buffer) => unknown,
  budgetMs = CPU_BOUND_MS,
): Promise<{ smallMs: number; largeMs: number }> {
  const small = await make(100 * 1024);
  const large = await make(1024 * 1024);
  expect(large.byteLength).toBeLessThanOrEqual(1024 * 1024 + 1024);
  await expectPlanOrRefusal(() => run(small));
  const smallMs = await cpuMs(() => run(small));
  expect(smallMs, `100 KB took ${smallMs.toFixed(1)} ms of CPU`).toBeLessThan(budgetMs);
  await expectPlanOrRefusal(() => run(large));
  const largeMs = await cpuMs(() => run(large));
  expect(largeMs, `1 MB took ${largeMs.toFixed(1)} ms of CPU`).toBeLessThan(budgetMs);
  expect(
    largeMs / Math.max(smallMs, NOISE_FLOOR_MS),
    `1 MB ${largeMs.toFixed(1)} ms vs 100 KB ${smallMs.toFixed(1)} ms`,
  ).toBeLessThan(MAX_GROWTH);
  return { smallMs, largeMs };
}
