// `npx tsx --conditions=react-server scripts/bench-merge.ts [--rounds 5] [--users 30] [--days 90]`: the merge step
// of `npm run bench` alone (issue 14), with no emulator: the simulator plays against the in-memory model of the
// protocol's Firestore slice (tests/helpers/memory-cloud), as scripts/find-hard-days.ts does.
import { parseArgs } from 'node:util';
import { measureMergeShare, measureMergeTime } from '@/lib/bench/measure-merge';
import { formatSummary } from '@/lib/bench/summarize-samples';
import { MemoryFirestore, memoryCloud } from '@/tests/helpers/memory-cloud';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    users: { type: 'string', default: '30' },
    days: { type: 'string', default: '90' },
  },
});
const time = measureMergeTime(Number(values.rounds));
console.log(
  `merge of a ${time.characters.toLocaleString('en-US')}-character entry (${time.lines} lines): ${formatSummary(time.mergeMs, ' ms')}`,
);
console.log(
  `  baseline: one line diff (node-diff3 diffComm) ${formatSummary(time.diffMs, ' ms')}, string compare ${formatSummary(time.compareMs, ' ms')}`,
);
console.log(`  merge / diff: ${formatSummary(time.vsDiff, '×')}`);
const db = new MemoryFirestore();
const share = await measureMergeShare((uid) => memoryCloud(db, uid, { offline: false, nextFault: null }), {
  users: Number(values.users),
  days: Number(values.days),
  seed: 14,
  nowMs: Date.UTC(2026, 11, 1),
});
const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
console.log(
  `simulator: ${share.users} users × 3 phones × ${share.days} days: ${share.merged} of ${share.conflicts} conflicts merged automatically (${pct(share.share)}); releases that can merge: ${pct(share.mergingShare)} of ${share.mergingConflicts}`,
);
for (const r of share.byRelease) console.log(`  ${r.release.padEnd(16)} ${r.merged}/${r.conflicts}`);
