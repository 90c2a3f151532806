import 'server-only';
import { runRollup } from '@/lib/metrics/run-rollup';
import { summarize, type Summary } from './summarize-samples';

export type RollupRun = {
  events: number;
  seconds: Summary;
  eventsPerSecond: Summary;
  reads: number;
  daysRecomputed: number;
};
export type RollupBench = { full: RollupRun; incremental: RollupRun };

/** New events land before each incremental run, so it has a day to recompute, as it would hourly. */
export async function measureRollup(rounds: number, addEvents: (round: number) => Promise<void>): Promise<RollupBench> {
  const full: Timed[] = [];
  const incremental: Timed[] = [];
  for (let round = 0; round < rounds; round++) {
    full.push(await timed(() => runRollup({ full: true })));
    await addEvents(round);
    incremental.push(await timed(() => runRollup()));
  }
  return { full: describe(full), incremental: describe(incremental) };
}

type Timed = { seconds: number; events: number; reads: number; daysRecomputed: number };

async function timed(run: () => ReturnType<typeof runRollup>): Promise<Timed> {
  const started = performance.now();
  const summary = await run();
  return {
    seconds: (performance.now() - started) / 1000,
    events: summary.eventsRead,
    reads: summary.reads,
    daysRecomputed: summary.daysRecomputed,
  };
}

function describe(runs: Timed[]): RollupRun {
  const last = runs.at(-1)!;
  return {
    events: last.events,
    reads: last.reads,
    daysRecomputed: last.daysRecomputed,
    seconds: summarize(runs.map((r) => r.seconds)),
    eventsPerSecond: summarize(runs.map((r) => r.events / r.seconds)),
  };
}
