import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startProcess, type ManagedProcess } from './child-process';
import { findFirestoreEmulator, firestoreJarArgs } from './find-firestore-emulator';
import { findFreePort } from './free-port';
import { withoutPinnedClock } from './pinned-clock';

export type EmulatorOptions = {
  projectId: string;
  firestorePort: number;
  authPort: number;
  rulesPath: string;
  /** When set, data is imported from and exported to this folder (the dev stack's opt-in `--persist`). */
  persistDir?: string;
  /** The address the emulators listen on: loopback unless the dev stack serves the LAN (`npm run dev`). */
  listenHost?: string;
  echo?: boolean;
};

export type RunningEmulators = {
  firestoreHost: string;
  authHost: string;
  env: Record<string, string>;
  hasPersistedData: boolean;
  /** Each emulator's process group, by name (`firestore`, `auth`, or `emulators` for firebase-tools running both): the bench reads their CPU. */
  processGroups: Record<string, number>;
  stop: () => Promise<void>;
};

const HOST = '127.0.0.1';

export async function startEmulators(requested: EmulatorOptions): Promise<RunningEmulators> {
  const options = { ...requested, listenHost: requested.listenHost ?? HOST };
  const launcher = findFirestoreEmulator();
  const firestoreData = options.persistDir ? path.join(options.persistDir, 'firestore') : undefined;
  const toolsData = options.persistDir ? path.join(options.persistDir, 'firebase-tools') : undefined;
  const firestoreImport = firestoreData ? latestFirestoreExport(firestoreData) : null;
  const hasPersistedData = Boolean(
    firestoreImport || (toolsData && existsSync(path.join(toolsData, 'firebase-export-metadata.json'))),
  );
  const firestoreHost = `${HOST}:${options.firestorePort}`;
  const processes: ManagedProcess[] = [];
  const stopAll = async () => {
    await Promise.all(processes.map((p) => p.stop()));
  };

  try {
    if (launcher.kind === 'jar') {
      const args = [
        '--host',
        options.listenHost,
        '--port',
        String(options.firestorePort),
        '--project_id',
        options.projectId,
        '--rules',
        options.rulesPath,
      ];
      if (firestoreImport) args.push('--import-data', firestoreImport);
      const [firestore, auth] = await Promise.all([
        startProcess('firestore', launcher.java, firestoreJarArgs(launcher.jar, args), {
          // The JVM runs several times slower under libfaketime, so the Firestore emulator keeps real time even
          // when the e2e suite pins everything else (docs/testing.md, "What is pinned").
          env: withoutPinnedClock(process.env) as NodeJS.ProcessEnv,
          readyWhen: /Dev App Server is now running/,
          timeoutMs: 60_000,
          echo: options.echo,
        }),
        startFirebaseTools(options, { firestore: false, dataDir: toolsData }),
      ]);
      processes.push(firestore, auth);
    } else {
      processes.push(await startFirebaseTools(options, { firestore: true, dataDir: toolsData, java: launcher.java }));
    }
  } catch (error) {
    await stopAll();
    throw error;
  }

  const authHost = `${HOST}:${options.authPort}`;
  return {
    firestoreHost,
    authHost,
    hasPersistedData,
    processGroups: Object.fromEntries(
      processes.map((p) => [processes.length === 1 ? 'emulators' : p.name, p.child.pid ?? -1]),
    ),
    env: {
      FIREBASE_PROJECT_ID: options.projectId,
      GCLOUD_PROJECT: options.projectId,
      FIRESTORE_EMULATOR_HOST: firestoreHost,
      FIREBASE_AUTH_EMULATOR_HOST: authHost,
      // Nothing here runs on Google Cloud: skip google-auth-library's metadata-server probe.
      METADATA_SERVER_DETECTION: 'none',
    },
    stop: async () => {
      // The gcloud emulator's own --export-on-exit does not fire on a signal, so persist explicitly first.
      if (firestoreData && launcher.kind === 'jar')
        await exportFirestore(firestoreHost, options.projectId, firestoreData).catch((error: Error) =>
          console.error(`Could not save the Firestore data: ${error.message}`),
        );
      await stopAll();
    },
  };
}

async function exportFirestore(host: string, projectId: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const before = readdirSync(dir);
  const response = await fetch(`http://${host}/emulator/v1/projects/${projectId}:export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ database: `projects/${projectId}/databases/(default)`, export_directory: dir }),
  });
  if (!response.ok) throw new Error(`export failed: ${response.status} ${await response.text()}`);
  for (const old of before) rmSync(path.join(dir, old), { recursive: true, force: true });
}

function latestFirestoreExport(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const exports = readdirSync(dir)
    .filter((name) => name.startsWith('firestore_export'))
    .sort();
  const latest = exports.at(-1);
  if (!latest) return null;
  const metadata = readdirSync(path.join(dir, latest)).find((name) => name.endsWith('.overall_export_metadata'));
  return metadata ? path.join(dir, latest, metadata) : null;
}

type ToolsPlan = { firestore: boolean; dataDir?: string; java?: string };

/** firebase-tools' own hub and logging ports can be taken before it binds them: then it starts again. */
async function startFirebaseTools(
  options: EmulatorOptions & { listenHost: string },
  plan: ToolsPlan,
): Promise<ManagedProcess> {
  for (let attempt = 1; ; attempt++) {
    const internalPorts = [await findFreePort(), await findFreePort()] as const;
    try {
      return await startFirebaseToolsOn(options, plan, internalPorts);
    } catch (error) {
      const taken = /Port (\d+) is not open/.exec((error as Error).message)?.[1];
      if (attempt === 3 || !internalPorts.includes(Number(taken))) throw error;
    }
  }
}

async function startFirebaseToolsOn(
  options: EmulatorOptions & { listenHost: string },
  plan: ToolsPlan,
  [hubPort, loggingPort]: readonly [number, number],
): Promise<ManagedProcess> {
  // firebase-tools insists on a config file; a throwaway one keeps ports configurable and the repo clean.
  const configDir = mkdtempSync(path.join(tmpdir(), 'wellsync-firebase-'));
  const emulators: Record<string, unknown> = {
    ui: { enabled: false },
    hub: { host: HOST, port: hubPort },
    logging: { host: HOST, port: loggingPort },
    auth: { host: options.listenHost, port: options.authPort },
  };
  const config: Record<string, unknown> = { emulators };
  if (plan.firestore) {
    emulators.firestore = { host: options.listenHost, port: options.firestorePort };
    config.firestore = { rules: path.resolve(options.rulesPath) };
  }
  writeFileSync(path.join(configDir, 'firebase.json'), JSON.stringify(config, null, 2));

  const only = plan.firestore ? 'auth,firestore' : 'auth';
  const args = [
    firebaseBin(),
    'emulators:start',
    '--only',
    only,
    '--project',
    options.projectId,
    '--config',
    path.join(configDir, 'firebase.json'),
  ];
  // firebase-tools keeps its emulators' data in one export folder and writes it when it is stopped.
  if (plan.dataDir) {
    mkdirSync(plan.dataDir, { recursive: true });
    if (existsSync(path.join(plan.dataDir, 'firebase-export-metadata.json'))) args.push('--import', plan.dataDir);
    args.push('--export-on-exit', plan.dataDir);
  }
  return startProcess('firebase-emulators', process.execPath, args, {
    cwd: configDir,
    env: { ...process.env, ...(plan.java ? { JAVA: plan.java } : {}), FIREBASE_CLI_DISABLE_UPDATE_CHECK: 'true' },
    readyWhen: /All emulators ready/,
    timeoutMs: 120_000,
    echo: options.echo,
  });
}

function firebaseBin(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve('firebase-tools/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { bin: { firebase: string } };
  return path.join(path.dirname(pkgPath), pkg.bin.firebase);
}
