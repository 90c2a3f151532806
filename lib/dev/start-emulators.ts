import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startProcess, type ManagedProcess } from './child-process';
import { findFirestoreEmulator, firestoreJarArgs } from './find-firestore-emulator';
import { findFreePort } from './free-port';

export type EmulatorOptions = {
  projectId: string;
  firestorePort: number;
  authPort: number;
  rulesPath: string;
  /** When set, data is imported from and exported to this folder (the dev stack's opt-in `--persist`). */
  persistDir?: string;
  echo?: boolean;
};

export type RunningEmulators = {
  firestoreHost: string;
  authHost: string;
  /** The variables firebase-admin, the seed and Next read to find the emulators. */
  env: Record<string, string>;
  hasPersistedData: boolean;
  stop: () => Promise<void>;
};

const HOST = '127.0.0.1';

/** Starts the official Firestore emulator and the Firebase Auth emulator side by side. */
export async function startEmulators(options: EmulatorOptions): Promise<RunningEmulators> {
  const launcher = findFirestoreEmulator();
  const firestoreData = options.persistDir ? path.join(options.persistDir, 'firestore') : undefined;
  const authData = options.persistDir ? path.join(options.persistDir, 'auth') : undefined;
  const hasPersistedData = Boolean(firestoreData && existsSync(path.join(firestoreData, 'firestore_export')));
  const processes: ManagedProcess[] = [];
  const stop = async () => {
    await Promise.all(processes.map((p) => p.stop()));
  };

  try {
    if (launcher.kind === 'jar') {
      const args = ['--host', HOST, '--port', String(options.firestorePort), '--project_id', options.projectId, '--rules', options.rulesPath];
      if (firestoreData) {
        mkdirSync(firestoreData, { recursive: true });
        if (hasPersistedData) args.push('--import-data', path.join(firestoreData, 'firestore_export'));
        args.push('--export-on-exit', path.join(firestoreData, 'firestore_export'));
      }
      const [firestore, auth] = await Promise.all([
        startProcess('firestore', launcher.java, firestoreJarArgs(launcher.jar, args), {
          readyWhen: /Dev App Server is now running/,
          timeoutMs: 60_000,
          echo: options.echo,
        }),
        startFirebaseTools(options, { auth: true, firestore: false, authData }),
      ]);
      processes.push(firestore, auth);
    } else {
      processes.push(await startFirebaseTools(options, { auth: true, firestore: true, authData, firestoreData, java: launcher.java }));
    }
  } catch (error) {
    await stop();
    throw error;
  }

  const firestoreHost = `${HOST}:${options.firestorePort}`;
  const authHost = `${HOST}:${options.authPort}`;
  return {
    firestoreHost,
    authHost,
    hasPersistedData,
    env: {
      FIREBASE_PROJECT_ID: options.projectId,
      GCLOUD_PROJECT: options.projectId,
      FIRESTORE_EMULATOR_HOST: firestoreHost,
      FIREBASE_AUTH_EMULATOR_HOST: authHost,
      // Nothing here runs on Google Cloud: skip google-auth-library's metadata-server probe.
      METADATA_SERVER_DETECTION: 'none',
    },
    stop,
  };
}

type ToolsPlan = { auth: boolean; firestore: boolean; authData?: string; firestoreData?: string; java?: string };

async function startFirebaseTools(options: EmulatorOptions, plan: ToolsPlan): Promise<ManagedProcess> {
  // firebase-tools insists on a config file; a throwaway one keeps ports configurable and the repo clean.
  const configDir = mkdtempSync(path.join(tmpdir(), 'wellsync-firebase-'));
  const [hubPort, loggingPort] = [await findFreePort(), await findFreePort()];
  const emulators: Record<string, unknown> = {
    ui: { enabled: false },
    hub: { host: HOST, port: hubPort },
    logging: { host: HOST, port: loggingPort },
    auth: { host: HOST, port: options.authPort },
  };
  const config: Record<string, unknown> = { emulators };
  if (plan.firestore) {
    emulators.firestore = { host: HOST, port: options.firestorePort };
    config.firestore = { rules: path.resolve(options.rulesPath) };
  }
  writeFileSync(path.join(configDir, 'firebase.json'), JSON.stringify(config, null, 2));

  const only = [plan.auth && 'auth', plan.firestore && 'firestore'].filter(Boolean).join(',');
  const args = [firebaseBin(), 'emulators:start', '--only', only, '--project', options.projectId, '--config', path.join(configDir, 'firebase.json')];
  // firebase-tools keeps auth and firestore data in one export folder.
  const dataDir = plan.authData && path.dirname(plan.authData);
  if (dataDir) {
    const exportDir = path.join(dataDir, 'firebase-tools');
    mkdirSync(exportDir, { recursive: true });
    if (existsSync(path.join(exportDir, 'firebase-export-metadata.json'))) args.push('--import', exportDir);
    args.push('--export-on-exit', exportDir);
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
