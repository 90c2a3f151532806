// `npm run dev`: the whole product on local emulators. Starts the Firestore and Auth emulators, seeds the
// demo accounts, then runs Next. Ctrl-C stops everything. Options: --persist, --heavy, --no-seed, --lan.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { envWithoutTsx, stopAllOnExit } from '@/lib/dev/child-process';
import { assertPortFree } from '@/lib/dev/free-port';
import { progressBar } from '@/lib/dev/progress-bar';
import { startEmulators } from '@/lib/dev/start-emulators';
import { DEMO_ACCOUNTS } from '@/lib/seed/demo-accounts';

const { values } = parseArgs({
  options: {
    persist: { type: 'boolean', default: false },
    heavy: { type: 'boolean', default: false },
    'no-seed': { type: 'boolean', default: false },
    lan: { type: 'boolean', default: false },
  },
});
const port = Number(process.env.PORT ?? 3000);
const firestorePort = Number(process.env.FIRESTORE_PORT ?? 8080);
const authPort = Number(process.env.AUTH_PORT ?? 9099);
const projectId = process.env.FIREBASE_PROJECT_ID ?? 'demo-wellsync';
// Loopback unless --lan: the emulators have no access control (any caller may act as owner), so Next and both
// emulators reach the network only when asked. With --lan a page opened at the machine's address (the "Network"
// line, a phone on the Wi-Fi) reaches the emulators there too (lib/firebase/emulator-address.ts).
const listenHost = values.lan ? '0.0.0.0' : '127.0.0.1';

stopAllOnExit();
try {
  await Promise.all([
    assertPortFree(port, 'Next'),
    assertPortFree(firestorePort, 'Firestore emulator'),
    assertPortFree(authPort, 'Auth emulator'),
  ]);
  console.log(`Starting the Firestore (${firestorePort}) and Auth (${authPort}) emulators…`);
  const emulators = await startEmulators({
    projectId,
    firestorePort,
    authPort,
    rulesPath: path.resolve('firestore.rules'),
    persistDir: values.persist ? path.resolve('.wellsync/emulator-data') : undefined,
    listenHost,
  });
  Object.assign(process.env, emulators.env);

  if (values['no-seed']) {
    console.log('Skipping the seed (--no-seed).');
  } else if (emulators.hasPersistedData) {
    console.log('Using the data persisted in .wellsync/emulator-data (delete it, or drop --persist, to reseed).');
  } else {
    const { describeSeed, seedDemo } = await import('@/lib/seed/seed-demo');
    const bar = progressBar('Seeding demo data');
    const summary = await seedDemo({ heavy: values.heavy, onProgress: bar.update });
    bar.stop();
    console.log(describeSeed(summary));
  }

  const require = createRequire(import.meta.url);
  const nextBin = path.join(path.dirname(require.resolve('next/package.json')), 'dist/bin/next');
  const next = spawn(
    process.execPath,
    [nextBin, 'dev', '--port', String(port), ...(values.lan ? [] : ['--hostname', '127.0.0.1'])],
    {
      stdio: 'inherit',
      env: { ...envWithoutTsx(), ...emulators.env, NEXT_TELEMETRY_DISABLED: '1' },
    },
  );
  console.log(`\nwellsync is starting on http://localhost:${port}`);
  for (const account of DEMO_ACCOUNTS)
    console.log(`  ${account.role.padEnd(5)} ${account.email} / ${account.password}`);

  const shutdown = async () => {
    next.kill('SIGTERM');
    await emulators.stop();
    process.exit(0);
  };
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  next.once('exit', (code) => {
    void emulators.stop().then(() => process.exit(code ?? 0));
  });
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  process.exit(1);
}
