import { describe, expect, it } from 'vitest';
import { renderBenchReport, type BenchResults } from './bench-report';
import { summarize } from './summarize-samples';

const s = (...values: number[]) => summarize(values);
const page = (label: string, reads: number, p95: number) => ({
  label,
  path: `/${label}`,
  reads,
  coldReads: reads,
  serverMs: s(p95 / 2, p95),
});
const measured = (p: ReturnType<typeof page>, serverCpuMs: number, firestoreCalls: number) => ({
  ...p,
  perView: { serverCpuMs, emulatorCpuMs: 10, firestoreCalls },
});
const floor = { ...measured(page('signin', 0, 20), 20, 0), path: '/signin' };

function results(overrides: Partial<BenchResults> = {}): BenchResults {
  const tool = (name: 'raw' | 'wellsync' | 'firestore-export-import' | 'firestore-backfire', seconds: number) => ({
    tool: name,
    rounds: 2,
    failures: 0,
    lastError: null,
    documents: 11_000,
    bytes: 1_000_000,
    docsPerSecond: s(11_000 / seconds),
    seconds: s(seconds),
    maxRssMb: s(200),
    timestamps: name === 'raw' ? null : { typed: name !== 'firestore-export-import', exact: true },
  });
  return {
    mode: 'full',
    startedAt: new Date('2026-12-01T12:00:00Z'),
    minutes: 30,
    versions: { 'Node.js': '20' },
    rounds: 2,
    seed: {
      fleetUsers: 10_000,
      syncEvents: 510_000,
      fleet: { documents: 900_000, seconds: 300 },
      heavy: { documents: 11_000, seconds: 10 },
      load: { users: 50, documents: 27_000, seconds: 40 },
      large: { documents: 100_000, seconds: 60 },
    },
    admin: [page('adoption', 40, 120), page('cost', 30, 150)],
    portal: [floor, measured(page('journal', 20, 80), 25, 3)],
    exports: {
      tools: [
        tool('raw', 2),
        tool('wellsync', 2.5),
        tool('firestore-export-import', 6),
        tool('firestore-backfire', 50),
      ],
      vsRaw: s(0.8),
      vsFasterPeer: s(2.4),
    },
    exportMemory: {
      documents: 100_000,
      tools: [{ tool: 'wellsync', seconds: s(20), maxRssMb: s(250), rssGrowthMb: s(90, 100) }],
    },
    imports: {
      documents: 11_000,
      zipBytes: 1_000_000,
      parseSeconds: s(1),
      applySeconds: s(12),
      docsPerSecond: s(850),
      reimportSeconds: s(6),
    },
    daylioPreview: { rows: 10_000, bytes: 600_000, parseSeconds: s(0.2), previewSeconds: s(1.4) },
    rollup: {
      full: { events: 510_000, seconds: s(60), eventsPerSecond: s(8500), reads: 600_000, daysRecomputed: 36 },
      incremental: { events: 20_000, seconds: s(3), eventsPerSecond: s(6600), reads: 21_000, daysRecomputed: 1 },
    },
    propagation: { samples: 30, editToWebMs: s(200, 400) },
    push: {
      users: 20,
      devices: 40,
      edits: 900,
      attempts: 800,
      successRate: 1,
      editsPerSecond: 30,
      attemptsPerSecond: 25,
      seconds: 30,
    },
    load: [
      {
        label: 'users',
        sessions: 50,
        seconds: 60,
        warmUpFailures: 0,
        firstWarmUpFailure: null,
        requests: 3000,
        requestsPerSecond: 50,
        errors: 0,
        non2xx: 0,
        latencyMs: s(500, 900),
      },
    ],
    ...overrides,
  };
}

const goalRow = (report: string, goal: string) => report.split('\n').find((line) => line.startsWith(`| ${goal}`)) ?? '';

describe('renderBenchReport', () => {
  it('marks every goal met when the figures meet them, and keeps the notes', () => {
    const report = renderBenchReport(results(), '## Notes\nkept');
    expect(report).not.toContain('**missed**');
    expect(report).toContain('## Notes\nkept');
    expect(report).toMatch(/firestore-export-import \| 11,000 .* \| no \| yes \|/);
  });

  it('marks each missed goal from its own figure', () => {
    const report = renderBenchReport(
      results({
        admin: [page('adoption', 140, 120), page('cost', 30, 450)],
        exports: { ...results().exports, vsRaw: s(0.5), vsFasterPeer: null },
        propagation: { samples: 30, editToWebMs: s(200, 1500) },
        load: [{ ...results().load[0]!, warmUpFailures: 1, firstWarmUpFailure: 'GET /mood answered 500' }],
        seed: { ...results().seed, fleetUsers: 1000, syncEvents: 51_000 },
        portal: [floor, measured(page('journal', 20, 250), 60, 6)],
        exportMemory: {
          documents: 100_000,
          tools: [{ tool: 'wellsync', seconds: s(20), maxRssMb: s(300), rssGrowthMb: s(120, 160) }],
        },
        daylioPreview: { rows: 10_000, bytes: 600_000, parseSeconds: s(0.2), previewSeconds: s(1.4, 2.3) },
      }),
      '',
    );
    for (const goal of [
      'fleet',
      'admin pages ≤',
      'admin pages p95',
      "heavy user's pages p95",
      "heavy user's pages: server CPU",
      "heavy user's pages ≤",
      'export ≥ 0.7',
      'export ≥ 2',
      'export of a',
      'device → web',
      'load',
      'preview of a',
    ])
      expect(goalRow(report, goal), goal).toContain('**missed**');
    expect(goalRow(report, 'export ≥ 2')).toContain('no peer finished');
    expect(goalRow(report, "heavy user's pages: server CPU")).toContain('3.00×');
  });

  it('puts CPU and Firestore calls per view beside each page, with the ratio to the sign-in page', () => {
    const report = renderBenchReport(results(), '');
    expect(report).toMatch(/\| `\/journal` \| 20 \| 20 \| 3\.00 \| 25\.0 \| 1\.25× \| 10\.0 \|/);
    expect(
      goalRow(renderBenchReport(results({ portal: [page('journal', 20, 80)] }), ''), "heavy user's pages ≤"),
    ).toContain('not measured');
  });

  it('marks the merge goal from the share among releases that can merge, and says when it was not measured', () => {
    const share = { users: 30, days: 90, conflicts: 55, merged: 30, share: 0.545, mergingConflicts: 32, byRelease: [] };
    const time = { characters: 100_000, lines: 1368, mergeMs: s(20), diffMs: s(8), compareMs: s(0), vsDiff: s(2.5) };
    const met = renderBenchReport(results({ merge: { time, share: { ...share, mergingShare: 0.94 } } }), '');
    expect(goalRow(met, 'simulated conflicts')).toMatch(/94\.0% of 32 .*\| met \|/);
    expect(met).toContain('merge costs 2.5');
    const missed = renderBenchReport(results({ merge: { time, share: { ...share, mergingShare: 0.85 } } }), '');
    expect(goalRow(missed, 'simulated conflicts')).toContain('**missed**');
    expect(goalRow(renderBenchReport(results(), ''), 'simulated conflicts')).toContain('not measured');
  });

  it('says the Daylio preview was not measured in a run resumed from an older checkpoint', () => {
    expect(goalRow(renderBenchReport(results({ daylioPreview: undefined }), ''), 'preview of a')).toContain(
      'not measured',
    );
  });
});
