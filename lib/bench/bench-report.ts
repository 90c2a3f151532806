import os from 'node:os';
import type { ExportBench, ExportMemoryBench } from './measure-export';
import type { DaylioPreviewBench } from './measure-daylio-preview';
import type { ImportBench } from './measure-import';
import type { MergeShareBench, MergeTimeBench } from './measure-merge';
import type { PageResult } from './measure-pages';
import type { RollupBench } from './measure-rollup';
import type { PropagationBench, PushBench } from './measure-sync';
import type { LoadResult } from './run-load';
import type { SeedReport } from './seed-bench-data';
import { formatNumber, formatSummary, type Summary } from './summarize-samples';
import { formatBytes } from '@/lib/format/format-quantities';

export type BenchResults = {
  mode: 'quick' | 'full';
  startedAt: Date;
  minutes: number;
  versions: Record<string, string>;
  rounds: number;
  seed: SeedReport;
  admin: PageResult[];
  portal: PageResult[];
  exports: ExportBench;
  exportMemory: ExportMemoryBench;
  imports: ImportBench;
  /** Missing from a run resumed from a checkpoint written before issue 16. */
  daylioPreview?: DaylioPreviewBench;
  /** Issue 14; missing from a run resumed from an older checkpoint. */
  merge?: { time: MergeTimeBench; share: MergeShareBench };
  rollup: RollupBench;
  propagation: PropagationBench;
  push: PushBench;
  load: LoadResult[];
};

export const GOALS = {
  adminReads: 100,
  adminP95Ms: 300,
  portalP95Ms: 150,
  portalCpuVsFloor: 1.5,
  portalFirestoreCalls: 3,
  exportGrowthMb: 150,
  exportVsRaw: 0.7,
  exportVsPeer: 2,
  propagationP95Ms: 1000,
  daylioPreviewSeconds: 2,
  mergedShare: 0.9,
  fleetUsers: 10_000,
  fleetEvents: 500_000,
};

const verdict = (met: boolean) => (met ? 'met' : '**missed**');

/** The goal counts releases that can merge: an older release cannot by design, and says nothing about the merge. */
function mergeGoal(share: MergeShareBench | undefined): string[] {
  const goal = `simulated conflicts merged automatically ≥ ${GOALS.mergedShare * 100}% (releases that can merge)`;
  if (!share || share.mergingShare === null) return [goal, 'not measured', ''];
  const measured = `${(share.mergingShare * 100).toFixed(1)}% of ${share.mergingConflicts} (all releases: ${((share.share ?? 0) * 100).toFixed(1)}%)`;
  return [goal, measured, verdict(share.mergingShare >= GOALS.mergedShare)];
}
// Always MB with one decimal, so the report's sizes compare at a glance.
const mb = (bytes: number) => formatBytes(bytes, { unit: 'MB', decimals: 1 });

/** docs/benchmarks.md. */
export function renderBenchReport(r: BenchResults, notes: string): string {
  const cpu = os.cpus();
  const lines: string[] = [];
  const table = (head: string[], rows: (string | number)[][]) => {
    lines.push(
      `| ${head.join(' | ')} |`,
      `|${head.map(() => '---').join('|')}|`,
      ...rows.map((row) => `| ${row.join(' | ')} |`),
      '',
    );
  };
  const p95 = (s: { p95: number }) => formatNumber(s.p95);

  lines.push(
    '# Benchmarks',
    '',
    `Written by \`npm run bench${r.mode === 'quick' ? ' -- --quick' : ''}\` on ${r.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC (${r.minutes.toFixed(0)} min). Every figure is from this one run, against the local emulators; medians are given with the range over ${r.rounds} rounds in brackets, and comparisons are ratios taken within each round. How it measures, and what the figures mean: the notes at the end.`,
    '',
    `- **Machine**: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`,
    `- **Versions**: ${Object.entries(r.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}`,
    `- **Mode**: ${r.mode}${r.mode === 'quick' ? ' (a smaller fleet; `npm run bench` without `--quick` seeds the full 10,000 users)' : ''}`,
    '',
    '## Goals',
    '',
  );
  const worstAdmin = Math.max(...r.admin.map((p) => p.serverMs.p95));
  const adminReads = Math.max(...r.admin.map((p) => Math.max(p.reads, p.coldReads)));
  const ownMemory = r.exportMemory.tools.find((t) => t.tool === 'wellsync')!;
  const worstPortal = Math.max(...r.portal.map((p) => p.serverMs.p95));
  const floor = r.portal.find((p) => p.path === '/signin')?.perView?.serverCpuMs ?? null;
  const heavyPages = r.portal.filter((p) => p.path !== '/signin');
  const cpuRatios = heavyPages.map((p) =>
    floor && p.perView?.serverCpuMs != null ? p.perView.serverCpuMs / floor : null,
  );
  const worstRatio = cpuRatios.every((x) => x !== null) ? Math.max(...(cpuRatios as number[])) : null;
  const calls = heavyPages.map((p) => p.perView?.firestoreCalls ?? null);
  const worstCalls = calls.every((x) => x !== null) ? Math.max(...(calls as number[])) : null;
  const loadErrors = r.load.reduce((n, l) => n + l.errors + l.non2xx + l.warmUpFailures, 0);
  const fastestPeer = r.exports.tools
    .filter((t) => t.tool.startsWith('firestore-'))
    .sort((a, b) => (b.docsPerSecond?.median ?? 0) - (a.docsPerSecond?.median ?? 0))[0]!;
  const vsPeer = r.exports.vsFasterPeer;
  table(
    ['goal', 'measured', ''],
    [
      [
        `fleet ≥ ${formatNumber(GOALS.fleetUsers)} users and ${formatNumber(GOALS.fleetEvents)} sync events (full mode)`,
        `${r.seed.fleetUsers.toLocaleString('en-US')} users, ${r.seed.syncEvents.toLocaleString('en-US')} events`,
        verdict(r.seed.fleetUsers >= GOALS.fleetUsers && r.seed.syncEvents >= GOALS.fleetEvents),
      ],
      [
        `admin pages ≤ ${GOALS.adminReads} reads per view`,
        `${adminReads} at most`,
        verdict(adminReads <= GOALS.adminReads),
      ],
      [
        `admin pages p95 < ${GOALS.adminP95Ms} ms`,
        `${formatNumber(worstAdmin)} ms (slowest page)`,
        verdict(worstAdmin < GOALS.adminP95Ms),
      ],
      [
        `heavy user's pages p95 < ${GOALS.portalP95Ms} ms`,
        `${formatNumber(worstPortal)} ms (slowest page)`,
        verdict(worstPortal < GOALS.portalP95Ms),
      ],
      [
        `heavy user's pages: server CPU per view ≤ ${GOALS.portalCpuVsFloor}× the sign-in page's`,
        worstRatio === null ? 'not measured' : `${formatNumber(worstRatio)}× (worst page)`,
        worstRatio === null ? '' : verdict(worstRatio <= GOALS.portalCpuVsFloor),
      ],
      [
        `heavy user's pages ≤ ${GOALS.portalFirestoreCalls} Firestore read calls per view`,
        worstCalls === null ? 'not measured' : `${formatNumber(worstCalls)} (worst page)`,
        worstCalls === null ? '' : verdict(worstCalls <= GOALS.portalFirestoreCalls),
      ],
      [
        `export ≥ ${GOALS.exportVsRaw}× a raw stream()`,
        `${formatSummary(r.exports.vsRaw, '×')}`,
        verdict(r.exports.vsRaw.median >= GOALS.exportVsRaw),
      ],
      [
        `export ≥ ${GOALS.exportVsPeer}× the faster peer (${fastestPeer.tool})`,
        vsPeer ? formatSummary(vsPeer, '×') : 'no peer finished',
        verdict(vsPeer !== null && vsPeer.median >= GOALS.exportVsPeer),
      ],
      [
        `export of a ${formatNumber(r.exportMemory.documents)}-document user: memory growth < ${GOALS.exportGrowthMb} MB`,
        `${formatSummary(ownMemory.rssGrowthMb, ' MB')}`,
        verdict(ownMemory.rssGrowthMb.max < GOALS.exportGrowthMb),
      ],
      [
        `device → web p95 < ${GOALS.propagationP95Ms} ms`,
        `${p95(r.propagation.editToWebMs)} ms`,
        verdict(r.propagation.editToWebMs.p95 < GOALS.propagationP95Ms),
      ],
      ['load: 0 errors', `${loadErrors} errors`, verdict(loadErrors === 0)],
      [
        `preview of a ${formatNumber(r.daylioPreview?.rows ?? 10_000)}-row Daylio CSV < ${GOALS.daylioPreviewSeconds} s`,
        r.daylioPreview ? `${formatSummary(r.daylioPreview.previewSeconds, ' s')}` : 'not measured',
        r.daylioPreview ? verdict(r.daylioPreview.previewSeconds.max < GOALS.daylioPreviewSeconds) : '',
      ],
      mergeGoal(r.merge?.share),
    ],
  );

  lines.push('## 1. Fleet seed', '');
  const seeded = (what: string, { documents, seconds }: { documents: number; seconds: number }) => [
    what,
    formatNumber(documents),
    formatNumber(seconds),
    formatNumber(documents / seconds),
  ];
  table(
    ['what', 'documents', 'seconds', 'documents/s'],
    [
      seeded(
        `${r.seed.fleetUsers.toLocaleString('en-US')} fleet users (profile, settings, devices, a month of journal and mood, ${r.seed.syncEvents.toLocaleString('en-US')} sync events), then a week of adoption snapshots and a full rollup`,
        r.seed.fleet,
      ),
      seeded('heavy user: ten years, 3,650 journal entries and 7,300 check-ins', r.seed.heavy),
      seeded(
        `the load test's ${r.seed.load.users} users: a year of daily check-ins and a journal entry on about half the days`,
        r.seed.load,
      ),
      seeded('a 100,000-document user (for the export memory bound)', r.seed.large),
    ],
  );
  lines.push(
    "Order of the run: the heavy user, its exports, the load users; then the heavy user's pages, the users' load, import and sync; then the 100,000-document user and its export; then the fleet, and at fleet scale the admin pages, the rollup and the admins' load. The per-user paths are measured before the fleet exists because the emulator scans a whole collection group for each query, where Firestore reads an index (the notes, \"Fleet size\").",
    '',
  );

  const perView = (ms: number | null | undefined) => (ms == null ? '–' : formatNumber(ms));
  const pageRows = (pages: PageResult[]) => {
    const floorCpu = pages.find((p) => p.path === '/signin')?.perView?.serverCpuMs ?? null;
    return pages.map((p) => [
      p.label,
      `\`${p.path}\``,
      p.reads.toLocaleString('en-US'),
      p.coldReads.toLocaleString('en-US'),
      perView(p.perView?.firestoreCalls),
      perView(p.perView?.serverCpuMs),
      floorCpu && p.perView?.serverCpuMs != null ? `${formatNumber(p.perView.serverCpuMs / floorCpu)}×` : '–',
      perView(p.perView?.emulatorCpuMs),
      formatNumber(p.serverMs.median),
      formatNumber(p.serverMs.p95),
      `${p.serverMs.n}`,
    ]);
  };
  const pageHead = [
    'page',
    'path',
    'reads per view',
    'first view after a change',
    'Firestore calls per view',
    'server CPU ms per view',
    '÷ sign-in',
    'emulator CPU ms per view',
    'p50 ms',
    'p95 ms',
    'views',
  ];
  lines.push('## 2. Admin pages at fleet scale', '');
  table(pageHead, pageRows(r.admin));
  lines.push('## 3. Portal, heavy user (before the fleet)', '');
  table(pageHead, pageRows(r.portal));
  lines.push(
    "CPU is read from /proc for the server's and the emulators' process groups around the timed views, which run one at a time; Firestore calls are the server's own count of read calls (lib/bench/usage-probe.ts). The machine's other work is not in them, but the emulators' background work is.",
    '',
  );

  lines.push('## 4. Export of the heavy user', '');
  const maybe = (summary: Summary | null, unit = '') => (summary ? formatSummary(summary, unit) : '–');
  table(
    [
      'tool',
      'documents',
      'output',
      'seconds',
      'documents/s',
      'peak RSS',
      'timestamps typed',
      'to the microsecond',
      'failed rounds',
    ],
    r.exports.tools.map((t) => [
      t.tool === 'raw' ? 'raw `stream()` (no output)' : t.tool,
      formatNumber(t.documents),
      t.tool === 'raw' ? '–' : mb(t.bytes),
      maybe(t.seconds),
      maybe(t.docsPerSecond),
      maybe(t.maxRssMb, ' MB'),
      t.timestamps ? (t.timestamps.typed ? 'yes' : 'no') : '–',
      t.timestamps ? (t.timestamps.exact ? 'yes' : 'no') : '–',
      t.failures === 0 ? `0 of ${t.rounds}` : `${t.failures} of ${t.rounds}: ${t.lastError}`,
    ]),
  );
  lines.push(
    `wellsync ÷ raw: **${formatSummary(r.exports.vsRaw, '×')}**; wellsync ÷ the faster peer: **${maybe(r.exports.vsFasterPeer, '×')}**.`,
    '',
  );

  lines.push(`### Memory: a ${formatNumber(r.exportMemory.documents)}-document user`, '');
  table(
    ['tool', 'seconds', 'peak RSS', 'growth during the export'],
    r.exportMemory.tools.map((t) => [
      t.tool,
      formatSummary(t.seconds),
      formatSummary(t.maxRssMb, ' MB'),
      formatSummary(t.rssGrowthMb, ' MB'),
    ]),
  );
  const i = r.imports;
  lines.push(
    '### Import',
    '',
    `The heavy user's own export (${formatNumber(i.documents)} documents, ${mb(i.zipBytes)} ZIP) imported into an empty account: validation and planning ${formatSummary(i.parseSeconds, ' s')}, applying through the sync protocol ${formatSummary(i.applySeconds, ' s')}, **${formatSummary(i.docsPerSecond)} documents/s** overall. The same file again (nothing changes): ${formatSummary(i.reimportSeconds, ' s')}.`,
    '',
  );
  if (r.daylioPreview) {
    const d = r.daylioPreview;
    lines.push(
      `A Daylio CSV of ${formatNumber(d.rows)} check-ins (${mb(d.bytes)}) previewed for an empty account: read and planned in ${formatSummary(d.parseSeconds, ' s')}, with the dry run (one read per check-in) ${formatSummary(d.previewSeconds, ' s')}.`,
      '',
    );
  }

  if (r.merge) {
    const { time, share } = r.merge;
    const pct = (v: number | null) => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
    lines.push(
      '### Automatic merge (issue 14)',
      '',
      `Merging a ${formatNumber(time.characters)}-character entry (${formatNumber(time.lines)} lines; one phone fixed a line near the top, the other rewrote one in the middle and appended): **${formatSummary(time.mergeMs, ' ms')}**, against ${formatSummary(time.diffMs, ' ms')} for one two-way line diff of the same text (node-diff3 \`diffComm\`) and ${formatSummary(time.compareMs, ' ms')} for a string compare: the merge costs ${formatSummary(time.vsDiff, '×')} one diff.`,
      '',
      `The simulator (${share.users} users × 3 phones × ${share.days} days, the fleet's release mix): ${share.merged} of ${share.conflicts} conflicts merged automatically (${pct(share.share)}); among releases that can merge, ${pct(share.mergingShare)} of ${share.mergingConflicts}. By release: ${share.byRelease.map((b) => `${b.release} ${b.merged}/${b.conflicts}`).join(', ')}.`,
      '',
    );
  }

  lines.push(`## 5. Rollup at fleet scale (${r.rollup.full.seconds.n} rounds)`, '');
  table(
    ['run', 'events read', 'days recomputed', 'Firestore reads', 'seconds', 'events/s'],
    (['full', 'incremental'] as const).map((mode) => [
      mode,
      formatNumber(r.rollup[mode].events),
      r.rollup[mode].daysRecomputed,
      formatNumber(r.rollup[mode].reads),
      formatSummary(r.rollup[mode].seconds),
      formatSummary(r.rollup[mode].eventsPerSecond),
    ]),
  );

  lines.push('## 6. Sync', '');
  table(
    ['measure', 'value'],
    [
      [
        `device → web, edit to the portal's listener (${r.propagation.samples} edits)`,
        `p50 ${formatNumber(r.propagation.editToWebMs.median)} ms, p95 ${p95(r.propagation.editToWebMs)} ms, max ${formatNumber(r.propagation.editToWebMs.max)} ms`,
      ],
      [
        `simulator push: ${r.push.users} users × 2 phones through the security rules`,
        `${r.push.edits.toLocaleString('en-US')} edits in ${formatNumber(r.push.seconds)} s = ${formatNumber(r.push.editsPerSecond)} edits/s; ${formatNumber(r.push.attemptsPerSecond)} sync attempts/s; success ${(r.push.successRate * 100).toFixed(2)}%`,
      ],
    ],
  );

  lines.push('## 7. Load', '');
  table(
    [
      'who',
      'sessions',
      'warm-up views failed',
      'seconds',
      'requests',
      'requests/s',
      'errors',
      'non-2xx',
      'p50 ms',
      'p95 ms',
      'max ms',
      'server CPU ms per view',
      'emulator CPU ms per view',
    ],
    r.load.map((l) => [
      l.label,
      l.sessions,
      l.warmUpFailures,
      l.seconds,
      formatNumber(l.requests),
      formatNumber(l.requestsPerSecond),
      l.errors,
      l.non2xx,
      formatNumber(l.latencyMs.median),
      formatNumber(l.latencyMs.p95),
      formatNumber(l.latencyMs.max),
      perView(l.perView?.serverCpuMs),
      perView(l.perView?.emulatorCpuMs),
    ]),
  );
  for (const l of r.load.filter((l) => l.firstWarmUpFailure))
    lines.push(
      `${l.label}: the first failed warm-up view was \`${l.firstWarmUpFailure}\` (the server's log says why).`,
      '',
    );

  lines.push(notes.trim(), '');
  return lines.join('\n');
}
