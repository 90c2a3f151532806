import { diffComm } from 'node-diff3';
import { planUserSimulation, type AttemptRecord } from '@/lib/simulator/simulate-fleet';
import { canMergeRelease, simulateUser } from '@/lib/simulator/simulate-user';
import { summarizeAttempts } from '@/lib/simulator/summarize-attempts';
import type { SyncCloud } from '@/lib/sync/types';
import { memoryStore } from '@/lib/sync/stores/memory-store';
import { mergeText } from '@/lib/sync/merge/merge-text';
import { summarize, type Summary } from './summarize-samples';

export type MergeTimeBench = {
  characters: number;
  lines: number;
  mergeMs: Summary;
  diffMs: Summary;
  compareMs: Summary;
  vsDiff: Summary;
};
export type MergeShareBench = {
  users: number;
  days: number;
  conflicts: number;
  merged: number;
  share: number | null;
  /** The same among releases that can merge: the older one cannot, by design. */
  mergingConflicts: number;
  mergingShare: number | null;
  byRelease: { release: string; conflicts: number; merged: number }[];
};

export function makeLongEntry(characters: number): string {
  const words = ['walked', 'by', 'the', 'river', 'and', 'thought', 'about', 'work', 'tea', 'quiet', 'evening', 'light'];
  const lines: string[] = [];
  let size = 0;
  for (let n = 0; size < characters; n += 1) {
    const line = `${n}. ${Array.from({ length: 12 }, (_, k) => words[(n * 7 + k * 5) % words.length]).join(' ')}.`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${lines.join('\n')}\n`.slice(0, characters - 1) + '\n';
}

/** Baseline: a two-way diffComm of the same text (jsdiff, the brief's suggestion, is not installed). */
export function measureMergeTime(rounds: number, characters = 100_000): MergeTimeBench {
  const base = makeLongEntry(characters);
  const lines = base.split('\n');
  const edit = (changes: Record<number, string>, append = '') =>
    lines
      .map((line, i) => changes[i] ?? line)
      .join('\n')
      .replace(/\n$/, `\n${append}`);
  const middle = Math.floor(lines.length / 2);
  const earlier = edit({ 3: `${lines[3]} (fixed)` });
  const later = edit({ [middle]: `${lines[middle]} Rewritten.` }, 'Slept well after.\n');
  const [merge, diff, compare, ratio] = [[], [], [], []] as [number[], number[], number[], number[]];
  for (let round = 0; round < rounds; round += 1) {
    const timed = (work: () => unknown) => {
      const started = performance.now();
      const result = work();
      if (result === undefined) throw new Error('nothing was computed');
      return performance.now() - started;
    };
    const m = timed(() => {
      const out = mergeText(base, earlier, later);
      if (!out.ok) throw new Error('the benchmark entry must merge');
      return out;
    });
    const d = timed(() => diffComm(base.split('\n'), later.split('\n')));
    compare.push(timed(() => [base === later]));
    merge.push(m);
    diff.push(d);
    ratio.push(m / d);
  }
  return {
    characters: base.length,
    lines: lines.length,
    mergeMs: summarize(merge),
    diffMs: summarize(diff),
    compareMs: summarize(compare),
    vsDiff: summarize(ratio),
  };
}

/** The fleet's release mix, 3.0.x included, which cannot merge. */
export async function measureMergeShare(
  cloud: (uid: string) => SyncCloud,
  options: { users: number; days: number; seed: number; nowMs: number },
): Promise<MergeShareBench> {
  const attempts: AttemptRecord[] = [];
  for (let n = 0; n < options.users; n += 1) {
    const uid = `bench-merge-${String(n).padStart(4, '0')}`;
    const account = { uid, email: `${uid}@bench.wellsync.test`, displayName: uid, timeZone: 'Europe/Berlin' };
    // Busy days throughout (three syncs a day), so edits meet as they do on phones in daily use.
    const plan = planUserSimulation(account, n, {
      ...options,
      devicesPerUser: 3,
      failureRate: 0.002,
      offlineRate: 0.05,
      busyDays: options.days,
    });
    await simulateUser({
      ...plan,
      doubleEditsDaysAgo: undefined,
      connect: () => ({ cloud: cloud(uid), store: memoryStore() }),
      onAttempt: (device, report) =>
        attempts.push({
          platform: device.platform,
          appVersion: device.appVersion,
          status: report.status,
          errorCode: report.errorCode,
          durationMs: report.durationMs,
          conflicts: report.conflicts,
          merged: report.merged ?? 0,
        }),
    });
  }
  const stats = summarizeAttempts(attempts);
  const merging = stats.byRelease.filter((r) => canMergeRelease(r.release.split(' ')[1] ?? ''));
  const mergingConflicts = merging.reduce((n, r) => n + r.conflicts, 0);
  const mergingMerged = merging.reduce((n, r) => n + r.merged, 0);
  return {
    users: options.users,
    days: options.days,
    conflicts: stats.conflicts,
    merged: stats.merged,
    share: stats.mergedShare,
    mergingConflicts,
    mergingShare: mergingConflicts > 0 ? mergingMerged / mergingConflicts : null,
    byRelease: stats.byRelease
      .filter((r) => r.conflicts > 0)
      .map(({ release, conflicts, merged }) => ({ release, conflicts, merged })),
  };
}
