// `npm test`, as CI runs it (docs/testing.md). Flags: --skip-{e2e,static,vitest,build}, --clock ISO, --hard-days.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bin, CommandFailed, envWithoutTsx, runCommand, stopAllOnExit } from '@/lib/dev/child-process';
import { findFreePort } from '@/lib/dev/free-port';
import { findFaketime, PINNED_CLOCK_VARIABLES, pinnedClockEnv } from '@/lib/dev/pinned-clock';
import { startEmulators } from '@/lib/dev/start-emulators';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'skip-vitest': { type: 'boolean', default: false },
    'skip-e2e': { type: 'boolean', default: false },
    'skip-static': { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    clock: { type: 'string', multiple: true },
    'hard-days': { type: 'boolean', default: false },
  },
});

// From scripts/find-hard-days.ts over 2026-12-01 … 2026-12-14; it repeats weekly.
const LONGEST_CONFLICTS_DAY = '2026-12-08T08:40:00Z';
// Days the demo seed and the portal must survive (docs/testing.md says why each is hard).
const HARD_DAYS = [
  '2027-03-28T09:00:00Z', // spring-forward Sunday in Berlin: a 23-hour day for the demo user
  '2026-12-31T21:30:00Z', // 22:30 on 31 December in Berlin, with the year's last check-ins still ahead
  '2028-02-29T10:00:00Z', // a leap day
  LONGEST_CONFLICTS_DAY,
];
// The specs whose pages show the demo seed, which is what the day changes; the rest make their own users.
const HARD_DAY_SPECS = [
  'e2e/accessibility.spec.ts',
  'e2e/admin.spec.ts',
  'e2e/devices-and-conflicts.spec.ts',
  'e2e/journal.spec.ts',
  'e2e/mood.spec.ts',
];
// `npm test` runs e2e once on the real clock; --hard-days runs the demo's specs once per hard day (CI does both).
const clocks: (string | null)[] = values['hard-days'] ? HARD_DAYS : (values.clock ?? [null]);

const baseEnv = { ...envWithoutTsx(), NEXT_TELEMETRY_DISABLED: '1' };

async function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = baseEnv): Promise<void> {
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\n▶ ${label}`);
  try {
    await runCommand(command, args, env);
  } catch (error) {
    if (error instanceof CommandFailed) throw new Error(`${label} failed (${error.how}) after ${seconds()}s`);
    throw error;
  }
  console.log(`✔ ${label} (${seconds()}s)`);
}

let stopEmulators: (() => Promise<void>) | undefined;
async function startTestEmulators() {
  console.log('\n▶ starting the Firestore and Auth emulators');
  const emulators = await startEmulators({
    projectId: 'demo-wellsync',
    firestorePort: await findFreePort(),
    authPort: await findFreePort(),
    rulesPath: path.resolve('firestore.rules'),
  });
  stopEmulators = emulators.stop;
  console.log(`✔ emulators: Firestore ${emulators.firestoreHost}, Auth ${emulators.authHost}`);
  return emulators;
}

// Every test browser and request comes from one address: the limits are scaled up, except in the rate-limit test.
const testEnv = (emulatorEnv: Record<string, string>) => ({ ...baseEnv, ...emulatorEnv, RATE_LIMIT_SCALE: '100' });

stopAllOnExit();
const suiteStarted = performance.now();
try {
  if (!values['skip-static']) {
    await run('lint', bin('eslint'), ['.', '--max-warnings=0']);
    await run('formatting', bin('prettier'), ['--check', '.']);
    await run('route types', bin('next'), ['typegen']);
    await run('typecheck', bin('tsc'), ['--noEmit']);
  }

  if (!values['skip-vitest']) {
    const emulators = await startTestEmulators();
    await run('unit, integration and rules tests (vitest)', bin('vitest'), ['run'], testEnv(emulators.env));
    await emulators.stop();
  }

  if (!values['skip-e2e']) {
    for (const [n, clock] of clocks.entries()) {
      // Emulators, seed, server and test runner all believe it is `clock`; the browser follows (e2e/fixtures.ts).
      const pinned = clock ? pinnedClockEnv(clock, findFaketime()) : {};
      Object.assign(process.env, pinned);
      const emulators = await startTestEmulators();
      const env = { ...testEnv(emulators.env), ...pinned };
      if (n === 0 && !values['skip-build']) {
        await run('production build', bin('next'), ['build'], env);
        await run('standalone server', process.execPath, ['scripts/prepare-standalone.mjs'], env);
      }
      // The specs' fixtures use lib/ (firebase-admin), whose modules are marked server-only. They share the
      // emulators' default project: the Auth emulator signs browsers in to that project whatever the API key.
      const e2e = { ...env, E2E_PORT: String(await findFreePort()), NODE_OPTIONS: '--conditions=react-server' };
      const specs = positionals.length === 0 && values['hard-days'] ? HARD_DAY_SPECS : positionals;
      await run(
        `end-to-end tests${clock ? ` at ${clock}` : ''} (playwright, chromium)`,
        bin('playwright'),
        ['test', ...specs],
        e2e,
      );
      await emulators.stop();
      for (const name of PINNED_CLOCK_VARIABLES) delete process.env[name];
    }
  }
  console.log(`\nAll tests passed in ${((performance.now() - suiteStarted) / 1000).toFixed(0)}s.`);
  process.exit(0);
} catch (error) {
  console.error(`\n✖ ${(error as Error).message}`);
  await stopEmulators?.();
  process.exit(1);
}
