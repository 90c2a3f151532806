import 'server-only';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { userRef } from '@/lib/firebase/refs';
import { EXPORT_TOOLS, type ExportTool, type ExportWorkerResult } from './export-tools';
import { summarize, type Summary } from './summarize-samples';

export type ExportToolResult = {
  tool: ExportTool;
  rounds: number;
  failures: number;
  lastError: string | null;
  documents: number;
  bytes: number;
  docsPerSecond: Summary | null;
  seconds: Summary | null;
  maxRssMb: Summary | null;
  timestamps: ExportWorkerResult['timestamps'];
};
export type ExportBench = {
  tools: ExportToolResult[];
  /** wellsync ÷ raw, and wellsync ÷ the faster peer that finished, per round. */ vsRaw: Summary;
  vsFasterPeer: Summary | null;
};
type Outcome = ExportWorkerResult | { tool: ExportTool; error: string };

/** Interleaved, so the machine's noise falls on every tool alike; ratios are taken within each round. */
export async function measureExport(
  uid: string,
  rounds: number,
  onResult: (round: number, outcome: Outcome) => void,
): Promise<ExportBench> {
  const runs = new Map<ExportTool, Outcome[]>(EXPORT_TOOLS.map((tool) => [tool, []]));
  const vsRaw: number[] = [];
  const vsPeer: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const rate = new Map<ExportTool, number>();
    for (const tool of EXPORT_TOOLS) {
      // A peer that failed twice is not tried again: each failure costs its timeout and a backlog in the emulator.
      if (runs.get(tool)!.filter((o) => 'error' in o).length >= 2) continue;
      const outcome = await runWorker(tool, uid);
      await untilFirestoreSettles(uid);
      runs.get(tool)!.push(outcome);
      onResult(round + 1, outcome);
      if ('ms' in outcome) rate.set(tool, outcome.documents / outcome.ms);
      // wellsync and the baseline must work; only the peers may fail and be reported.
      else if (tool === 'raw' || tool === 'wellsync') throw new Error(`${tool} export failed: ${outcome.error}`);
    }
    vsRaw.push(rate.get('wellsync')! / rate.get('raw')!);
    const peers = [rate.get('firestore-export-import'), rate.get('firestore-backfire')].filter((r) => r !== undefined);
    if (peers.length > 0) vsPeer.push(rate.get('wellsync')! / Math.max(...peers));
  }
  const tools = EXPORT_TOOLS.map((tool): ExportToolResult => {
    const outcomes = runs.get(tool)!;
    const done = outcomes.filter((o): o is ExportWorkerResult => 'ms' in o);
    const failed = outcomes.filter((o): o is { tool: ExportTool; error: string } => 'error' in o);
    const last = done.at(-1);
    const over = (pick: (r: ExportWorkerResult) => number) => (done.length > 0 ? summarize(done.map(pick)) : null);
    return {
      tool,
      rounds: outcomes.length,
      failures: failed.length,
      lastError: failed.at(-1)?.error ?? null,
      documents: last?.documents ?? 0,
      bytes: last?.bytes ?? 0,
      docsPerSecond: over((r) => (r.documents / r.ms) * 1000),
      seconds: over((r) => r.ms / 1000),
      maxRssMb: over((r) => r.maxRssMb),
      timestamps: last?.timestamps ?? null,
    };
  });
  return { tools, vsRaw: summarize(vsRaw), vsFasterPeer: vsPeer.length > 0 ? summarize(vsPeer) : null };
}

/** A flooding tool leaves requests queued; the next tool would be timed waiting for them. */
async function untilFirestoreSettles(uid: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let quick = 0;
  while (quick < 2 && Date.now() < deadline) {
    const started = performance.now();
    await userRef({ uid }).get();
    quick = performance.now() - started < 100 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export type ExportMemory = { tool: ExportTool; seconds: Summary; maxRssMb: Summary; rssGrowthMb: Summary };
export type ExportMemoryBench = { documents: number; tools: ExportMemory[] };

/** Peak RSS over what the process held before; firestore-export-import shows what holding it all costs. */
export async function measureExportMemory(
  uid: string,
  rounds: number,
  tools: ExportTool[],
): Promise<ExportMemoryBench> {
  const results = new Map<ExportTool, ExportWorkerResult[]>(tools.map((tool) => [tool, []]));
  for (let round = 0; round < rounds; round++) {
    for (const tool of tools) {
      const outcome = await runWorker(tool, uid);
      if (!('ms' in outcome)) throw new Error(`${tool} export of ${uid} failed: ${outcome.error}`);
      results.get(tool)!.push(outcome);
      await untilFirestoreSettles(uid);
    }
  }
  return {
    documents: results.get(tools[0]!)![0]!.documents,
    tools: tools.map((tool) => {
      const runs = results.get(tool)!;
      return {
        tool,
        seconds: summarize(runs.map((r) => r.ms / 1000)),
        maxRssMb: summarize(runs.map((r) => r.maxRssMb)),
        rssGrowthMb: summarize(runs.map((r) => r.rssGrowthMb)),
      };
    }),
  };
}

async function runWorker(tool: ExportTool, uid: string): Promise<Outcome> {
  const outDir = await mkdtemp(path.join(tmpdir(), `wellsync-bench-${tool}-`));
  try {
    const { code, out, err } = await new Promise<{ code: number | null; out: string; err: string }>(
      (resolve, reject) => {
        const child = spawn(
          path.resolve('node_modules/.bin/tsx'),
          ['--conditions=react-server', 'lib/bench/export-worker.ts', tool, uid, outDir],
          { stdio: ['ignore', 'pipe', 'pipe'] },
        );
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.once('error', reject);
        child.once('exit', (code) => resolve({ code, out, err }));
      },
    );
    const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
    if (code === 0 && line) return JSON.parse(line.slice('BENCH_RESULT '.length)) as ExportWorkerResult;
    const message =
      err
        .split('\n')
        .find((l) => /^\s*[A-Za-z]*Error: /.test(l))
        ?.trim() ?? `exit ${code}`;
    return { tool, error: message.slice(0, 300) };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
