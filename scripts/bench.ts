// `npm run bench` writes docs/benchmarks.md. `--quick`, `--skip-build`, `--users N`, `--resume` (per-phase checkpoint).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderBenchReport } from '@/lib/bench/bench-report';
import { signInOverHttp } from '@/lib/bench/http-session';
import { measureExport, measureExportMemory } from '@/lib/bench/measure-export';
import { measureDaylioPreview } from '@/lib/bench/measure-daylio-preview';
import { measureImport } from '@/lib/bench/measure-import';
import { measureMergeShare, measureMergeTime } from '@/lib/bench/measure-merge';
import { adminPages, measurePages, portalPages, type CpuProbe } from '@/lib/bench/measure-pages';
import { measureRollup } from '@/lib/bench/measure-rollup';
import { measurePropagation, measurePush } from '@/lib/bench/measure-sync';
import { runLoad } from '@/lib/bench/run-load';
import { LARGE_USER, seedBenchFleet, seedHeavyUser, seedLargeUser, seedLoadUsers } from '@/lib/bench/seed-bench-data';
import { bin, envWithoutTsx, runCommand, startProcess, stopAllOnExit } from '@/lib/dev/child-process';
import { findFreePort } from '@/lib/dev/free-port';
import { progressBar } from '@/lib/dev/progress-bar';
import { startEmulators } from '@/lib/dev/start-emulators';
import { HEAVY_USER, type DemoAccount } from '@/lib/seed/demo-accounts';
import { ensureAuthUser } from '@/lib/seed/write-history';
import { MemoryFirestore, memoryCloud } from '@/tests/helpers/memory-cloud';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    users: { type: 'string' },
    resume: { type: 'boolean', default: false },
  },
});
const mode = values.quick ? 'quick' : 'full';
const plan =
  mode === 'quick'
    ? {
        users: 1_000,
        telemetryDays: 36,
        rounds: 3,
        pageViews: 20,
        propagation: 30,
        pushUsers: 6,
        pushDays: 5,
        loadSeconds: 20,
      }
    : {
        users: 10_000,
        telemetryDays: 36,
        rounds: 5,
        pageViews: 40,
        propagation: 60,
        pushUsers: 20,
        pushDays: 10,
        loadSeconds: 60,
      };
// `--users N` overrides the fleet size (a smoke run of the harness itself); at least 50, the load test's sessions.
if (values.users) plan.users = Math.max(50, Number(values.users));
// Three rollup rounds in both modes: at fleet scale on the emulator one count() over all sync events took 12 s, and
// an incremental run makes 15 of them.
const ROLLUP_ROUNDS = 3;
const REPORT = 'docs/benchmarks.md';
const NOTES_MARKER = '<!-- Notes below are kept when the benchmark rewrites this file. -->';
const CHECKPOINT = '.wellsync/bench-checkpoint.json';

const step = (label: string) => console.log(`\n▶ ${label}`);
const version = (pkg: string) =>
  (JSON.parse(readFileSync(path.resolve('node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

stopAllOnExit();
type PerUser = Awaited<ReturnType<typeof measurePerUser>>;
type Fleet = Awaited<ReturnType<typeof measureFleet>>;
type Checkpoint = { mode: string; users: number; startedAt: string; minutes: number; perUser?: PerUser; fleet?: Fleet };
const resumed =
  values.resume && existsSync(CHECKPOINT) ? (JSON.parse(readFileSync(CHECKPOINT, 'utf8')) as Checkpoint) : undefined;
if (values.resume && (resumed?.mode !== mode || resumed.users !== plan.users)) {
  console.error(`--resume: ${CHECKPOINT} holds no ${mode} run of ${plan.users} users; run without --resume.`);
  process.exit(1);
}
const checkpoint: Checkpoint = resumed ?? { mode, users: plan.users, startedAt: new Date().toISOString(), minutes: 0 };
// Runs a phase unless the checkpoint already has its results, and keeps them there when it ends.
async function phase<K extends 'perUser' | 'fleet'>(
  name: K,
  measure: () => Promise<NonNullable<Checkpoint[K]>>,
): Promise<NonNullable<Checkpoint[K]>> {
  const kept = checkpoint[name];
  if (kept) {
    console.log(`\n↷ ${name}: results kept from the run started ${checkpoint.startedAt}`);
    return kept;
  }
  const startedAt = Date.now();
  const results = await measure();
  Object.assign(checkpoint, { [name]: results, minutes: checkpoint.minutes + (Date.now() - startedAt) / 60_000 });
  mkdirSync(path.dirname(CHECKPOINT), { recursive: true });
  writeFileSync(CHECKPOINT, JSON.stringify(checkpoint));
  return results;
}

const emulators = await startEmulators({
  projectId: 'demo-bench',
  firestorePort: await findFreePort(),
  authPort: await findFreePort(),
  rulesPath: path.resolve('firestore.rules'),
});
// lib/ reads its environment on first use (lib/config/env.ts), which is after this.
Object.assign(process.env, emulators.env);
const env = { ...envWithoutTsx(), ...emulators.env, NEXT_TELEMETRY_DISABLED: '1', RATE_LIMIT_SCALE: '1000' };
const nowMs = Date.now();
const bars = new Map<string, ReturnType<typeof progressBar>>();
const onProgress = (label: string, done: number, total: number) => {
  if (!bars.has(label)) bars.set(label, progressBar(`Seeding ${label}`));
  bars.get(label)!.update(done, total);
};
const stopBars = () => {
  for (const bar of bars.values()) bar.stop();
  bars.clear();
};

// The production server, started on first use: after the per-user seeding, or in the fleet phase of a resumed run.
let serverUrl: Promise<string> | undefined;
const server = () => (serverUrl ??= startServer());
// Where the server's and the emulators' CPU is read (lib/bench/process-cpu.ts), once the server runs.
let cpuProbe: CpuProbe | undefined;
async function startServer(): Promise<string> {
  step('starting the production server');
  const port = await findFreePort();
  const usageFile = path.resolve('.wellsync/bench-server-usage.json');
  mkdirSync(path.dirname(usageFile), { recursive: true });
  rmSync(usageFile, { force: true }); // a previous run's file must not pass for this server's probe
  const next = await startProcess('next', process.execPath, ['.next/standalone/server.js'], {
    env: { ...env, PORT: String(port), HOSTNAME: '127.0.0.1', WELLSYNC_BENCH_USAGE_FILE: usageFile },
    readyWhen: /Ready in/,
    timeoutMs: 60_000,
    echo: true,
  }); // its log explains any failed view
  cpuProbe = {
    serverPid: next.child.pid!,
    emulatorGroups: Object.values(emulators.processGroups),
    usageFile, // written by the server's probe; a build without one is never signalled (lib/bench/process-cpu.ts)
  };
  // The bench's own batch work (seeding, the adoption replay, rollups) reads collection-group pages, which the
  // emulator scans whole: at fleet scale a page outlasts the 10 s a page view may wait. The server keeps 10 s.
  process.env.WELLSYNC_READ_DEADLINE_MS = '120000';
  return `http://localhost:${port}`;
}

// Per-user paths first: the emulator scans whole collection groups (docs/benchmarks.md, "Fleet size").
async function measurePerUser() {
  step('seeding the heavy user');
  const heavy = await seedHeavyUser(nowMs, onProgress);
  step('export: wellsync, a raw stream(), firestore-export-import, firestore-backfire');
  const exports = await measureExport(HEAVY_USER.uid, plan.rounds, (round, r) =>
    console.log(
      `  round ${round}/${plan.rounds}: ${r.tool} ${'ms' in r ? `${r.documents} documents in ${(r.ms / 1000).toFixed(1)} s` : `failed: ${r.error}`}`,
    ),
  );
  step("seeding the load test's 50 users");
  const load = await seedLoadUsers(nowMs, 50, onProgress);
  stopBars();

  const baseUrl = await server();
  step('portal pages of the heavy user');
  const heavyCookie = await signInOverHttp(baseUrl, emulators.authHost, HEAVY_USER);
  const portal = await measurePages(baseUrl, heavyCookie, portalPages(HEAVY_USER, 'anxious'), plan.pageViews, cpuProbe);
  step('load: 50 signed-in sessions browsing the portal');
  const userCookies = await Promise.all(load.accounts.map((user) => signInOverHttp(baseUrl, emulators.authHost, user)));
  const userLoad = await runLoad(
    '50 users: journal, search, mood, devices, sync settings',
    baseUrl,
    userCookies,
    ['/journal', '/journal?q=walk', '/mood', '/mood?range=1y', '/devices', '/settings/sync'],
    plan.loadSeconds,
    cpuProbe,
  );
  step("import: the heavy user's export into empty accounts");
  const imports = await measureImport(HEAVY_USER.uid, plan.rounds);
  step('import: preview a 10,000-row Daylio CSV (issue 16: under 2 s)');
  const daylioPreview = await measureDaylioPreview(plan.rounds);
  step('sync: merging a 100,000-character entry, and the share of simulated conflicts merged (issue 14)');
  // In memory (scripts/bench-merge.ts runs this step alone): the share is the protocol's, not the emulator's.
  const mergeDb = new MemoryFirestore();
  const merge = {
    time: measureMergeTime(plan.rounds),
    share: await measureMergeShare((uid) => memoryCloud(mergeDb, uid, { offline: false, nextFault: null }), {
      users: 30,
      days: 90,
      seed: 14,
      nowMs,
    }),
  };
  step('sync: device → web propagation, simulator push throughput');
  const propagation = await measurePropagation(plan.propagation);
  const push = await measurePush({ users: plan.pushUsers, days: plan.pushDays, seed: 1 });

  step('seeding a 100,000-document user');
  const large = await seedLargeUser(nowMs, onProgress);
  stopBars();
  step('export memory: a 100,000-document user');
  const exportMemory = await measureExportMemory(LARGE_USER.uid, mode === 'quick' ? 1 : 2, [
    'wellsync',
    'firestore-export-import',
  ]);
  return {
    seeded: { heavy, load: load.seeded, large },
    portal,
    userLoad,
    exports,
    exportMemory,
    imports,
    daylioPreview,
    merge,
    propagation,
    push,
  };
}

async function measureFleet() {
  step(`seeding a ${plan.users.toLocaleString('en-US')}-user fleet`);
  const fleet = await seedBenchFleet({ nowMs, users: plan.users, telemetryDays: plan.telemetryDays, onProgress });
  stopBars();
  const baseUrl = await server();

  const admins: DemoAccount[] = Array.from({ length: 5 }, (_, n) => ({
    uid: `bench-admin-${n}`,
    email: `admin-${n}@bench.wellsync.test`,
    password: `bench-admin-password-${n}`,
    displayName: `Bench admin ${n}`,
    timezone: 'UTC',
    role: 'admin',
    description: 'Benchmark operator',
  }));
  for (const account of admins) await ensureAuthUser({ account });
  const adminCookies = await Promise.all(admins.map((admin) => signInOverHttp(baseUrl, emulators.authHost, admin)));
  step('admin pages at fleet scale');
  const adminScope = { uid: admins[0]!.uid, isAdmin: true as const };
  const admin = await measurePages(
    baseUrl,
    adminCookies[0]!,
    adminPages(adminScope, Date.now()),
    plan.pageViews,
    cpuProbe,
  );
  step('rollup at fleet scale: full, and incremental after new syncs');
  const rollup = await measureRollup(ROLLUP_ROUNDS, (round) =>
    measurePush({ users: 2, days: 1, seed: 100 + round }).then(() => undefined),
  );
  step('load: 5 admins browsing at fleet scale');
  const adminLoad = await runLoad(
    '5 admins: overview, adoption, cost, reliability',
    baseUrl,
    adminCookies,
    ['/admin', '/admin/adoption', '/admin/cost', '/admin/reliability'],
    plan.loadSeconds,
    cpuProbe,
  );
  return { fleet, admin, rollup, adminLoad };
}

try {
  if (!values['skip-build'] || !existsSync('.next/standalone/server.js')) {
    step('production build');
    await runCommand(bin('next'), ['build'], env);
    await runCommand(process.execPath, ['scripts/prepare-standalone.mjs'], env);
  }
  const perUser = await phase('perUser', measurePerUser);
  const { fleet, admin, rollup, adminLoad } = await phase('fleet', measureFleet);

  const previous = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '';
  const notes = previous.includes(NOTES_MARKER)
    ? previous.slice(previous.indexOf(NOTES_MARKER))
    : `${NOTES_MARKER}\n## Notes\n`;
  const report = renderBenchReport(
    {
      mode,
      startedAt: new Date(checkpoint.startedAt),
      minutes: checkpoint.minutes,
      rounds: plan.rounds,
      versions: {
        'Node.js': process.versions.node,
        next: version('next'),
        'firebase-admin': version('firebase-admin'),
        firebase: version('firebase'),
        'firebase-tools (Auth emulator)': version('firebase-tools'),
        'firestore-export-import': version('firestore-export-import'),
        'firestore-backfire': version('firestore-backfire'),
        autocannon: version('autocannon'),
      },
      seed: { ...fleet, ...perUser.seeded },
      admin,
      portal: perUser.portal,
      exports: perUser.exports,
      exportMemory: perUser.exportMemory,
      imports: perUser.imports,
      daylioPreview: perUser.daylioPreview,
      merge: perUser.merge,
      rollup,
      propagation: perUser.propagation,
      push: perUser.push,
      load: [perUser.userLoad, adminLoad],
    },
    notes,
  );
  writeFileSync(REPORT, report);
  console.log(`\n✔ wrote ${REPORT}`);
} finally {
  await emulators.stop();
}
process.exit(0);
