// `npm test`: the whole suite, as CI runs it. Lint and types, then one set of real emulators for
// unit, integration and rules tests (Vitest), then a production build served to Playwright on Chromium.
// Flags: --skip-e2e, --skip-static (lint and types), --skip-vitest, --skip-build (reuse .next); any other
// arguments go to Playwright (e.g. a spec file).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bin, CommandFailed, envWithoutTsx, runCommand, stopAllOnExit } from '@/lib/dev/child-process';
import { findFreePort } from '@/lib/dev/free-port';
import { startEmulators } from '@/lib/dev/start-emulators';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'skip-vitest': { type: 'boolean', default: false },
    'skip-e2e': { type: 'boolean', default: false },
    'skip-static': { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
  },
});

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

stopAllOnExit();
const suiteStarted = performance.now();
let stopEmulators: (() => Promise<void>) | undefined;
try {
  if (!values['skip-static']) {
    await run('lint', bin('eslint'), ['.', '--max-warnings=0']);
    await run('route types', bin('next'), ['typegen']);
    await run('typecheck', bin('tsc'), ['--noEmit']);
  }

  console.log('\n▶ starting the Firestore and Auth emulators');
  const emulators = await startEmulators({
    projectId: 'demo-wellsync',
    firestorePort: await findFreePort(),
    authPort: await findFreePort(),
    rulesPath: path.resolve('firestore.rules'),
  });
  stopEmulators = emulators.stop;
  // Every test browser and request comes from one address: the limits are scaled up, except in the rate-limit test.
  const env = { ...baseEnv, ...emulators.env, RATE_LIMIT_SCALE: '100' };
  console.log(`✔ emulators: Firestore ${emulators.firestoreHost}, Auth ${emulators.authHost}`);

  if (!values['skip-vitest']) await run('unit, integration and rules tests (vitest)', bin('vitest'), ['run'], env);

  if (!values['skip-e2e']) {
    if (!values['skip-build']) {
      await run('production build', bin('next'), ['build'], env);
      await run('standalone server', process.execPath, ['scripts/prepare-standalone.mjs'], env);
    }
    // The specs' fixtures use lib/ (firebase-admin), whose modules are marked server-only. They share the
    // emulators' default project: the Auth emulator signs browsers in to that project whatever the API key.
    const e2ePort = String(await findFreePort());
    await run('end-to-end tests (playwright, chromium)', bin('playwright'), ['test', ...positionals], { ...env, E2E_PORT: e2ePort, NODE_OPTIONS: '--conditions=react-server' });
  }
  await stopEmulators();
  console.log(`\nAll tests passed in ${((performance.now() - suiteStarted) / 1000).toFixed(0)}s.`);
  process.exit(0);
} catch (error) {
  console.error(`\n✖ ${(error as Error).message}`);
  await stopEmulators?.();
  process.exit(1);
}
