// Runs the metrics aggregator once (the same job as /api/cron/rollup). Usage:
//   npm run metrics:rollup                 incremental: re-checks the last 14 days, recomputes the ones that changed
//   npm run metrics:rollup -- --full       rebuilds every day within retention (after a price change, say)
//   npm run metrics:rollup -- --snapshot   also takes the fleet snapshot and measures storage now
import { parseArgs } from 'node:util';
import { AppError } from '@/lib/errors/app-error';
import { progressBar, type ProgressBar } from '@/lib/dev/progress-bar';
import { runRollup } from '@/lib/metrics/run-rollup';

const { values } = parseArgs({
  options: {
    full: { type: 'boolean', default: false },
    snapshot: { type: 'boolean', default: false },
    horizon: { type: 'string' },
  },
});
const horizonDays = values.horizon === undefined ? undefined : Number(values.horizon);
if (horizonDays !== undefined && !(Number.isInteger(horizonDays) && horizonDays >= 1 && horizonDays <= 400)) {
  console.error('--horizon takes a whole number of days from 1 to 400.');
  process.exit(2);
}
// One progress bar per phase of the run (checking days, rolling up, measuring storage, pricing, snapshot).
const progress: { bar: ProgressBar | null; phase: string } = { bar: null, phase: '' };
try {
  const summary = await runRollup({
    full: values.full,
    forceSnapshot: values.snapshot,
    horizonDays,
    onProgress: (next, done, total) => {
      if (next !== progress.phase) {
        progress.bar?.stop();
        progress.bar = progressBar(next);
        progress.phase = next;
      }
      progress.bar?.update(done, total);
    },
  });
  progress.bar?.stop();
  console.log(
    `Rollup ${summary.mode}: ${summary.daysRecomputed} of ${summary.daysChecked} days recomputed from ${summary.eventsRead} events` +
      `${summary.skippedEvents ? ` (${summary.skippedEvents} malformed, skipped)` : ''}, ${summary.usersMeasured} users' storage measured, ` +
      `${summary.monthsPriced} months priced${summary.fleetSnapshot ? ', fleet snapshot taken' : ''}; ${summary.reads} document reads in ${((summary.finishedAtMs - summary.startedAtMs) / 1000).toFixed(1)}s.`,
  );
  process.exit(0);
} catch (error) {
  progress.bar?.stop();
  console.error(error instanceof AppError ? error.message : `The rollup failed: ${(error as Error).message}`);
  process.exit(1);
}
