import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const GCLOUD_FIRESTORE_JAR =
  '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar';
const MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';

export type FirestoreLauncher =
  | { kind: 'jar'; java: string; jar: string; describe: string }
  | { kind: 'firebase-tools'; java: string; describe: string };

/** `FIRESTORE_EMULATOR_JAR`, then the gcloud CLI's jar, then firebase-tools (which needs Java 21+). */
export function findFirestoreEmulator(env: NodeJS.ProcessEnv = process.env): FirestoreLauncher {
  const java = env.JAVA || 'java';
  const javaMajor = readJavaMajor(java);
  if (javaMajor === null) {
    throw new Error(
      [
        'The Firestore emulator needs Java, and none was found.',
        'Install a JDK (Java 11+ with the Google Cloud CLI emulator, or Java 21+ for firebase-tools), e.g.',
        '  sudo apt-get install -y openjdk-17-jre-headless google-cloud-cli-firestore-emulator',
        'or set JAVA to the path of a java binary.',
      ].join('\n'),
    );
  }
  const candidates = [env.FIRESTORE_EMULATOR_JAR, GCLOUD_FIRESTORE_JAR].filter((p): p is string => Boolean(p));
  for (const jar of candidates) {
    if (existsSync(jar)) return { kind: 'jar', java, jar, describe: `${jar} (Java ${javaMajor})` };
  }
  if (env.FIRESTORE_EMULATOR_JAR) {
    throw new Error(`FIRESTORE_EMULATOR_JAR is set to ${env.FIRESTORE_EMULATOR_JAR}, but no file is there.`);
  }
  if (javaMajor >= 21) return { kind: 'firebase-tools', java, describe: `firebase-tools (Java ${javaMajor})` };
  throw new Error(
    [
      `No Firestore emulator found, and Java ${javaMajor} is too old for firebase-tools' own (it needs Java 21+).`,
      'Do one of these:',
      '  - install the Google Cloud CLI emulator: sudo apt-get install -y google-cloud-cli-firestore-emulator',
      '  - or point FIRESTORE_EMULATOR_JAR at a cloud-firestore-emulator jar',
      '  - or install Java 21+ so that firebase-tools can download and run its emulator (needs internet once).',
    ].join('\n'),
  );
}

export function firestoreJarArgs(jar: string, args: string[]): string[] {
  return ['-Duser.language=en', '-cp', jar, MAIN_CLASS, 'start', ...args];
}

function readJavaMajor(java: string): number | null {
  // `java -version` prints to stderr.
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error) return null;
  return parseJavaMajor(`${result.stderr}${result.stdout}`);
}

export function parseJavaMajor(versionOutput: string): number | null {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return null;
  const first = Number(match[1]);
  // Java 8 and older print "1.8.0_…".
  return first === 1 && match[2] ? Number(match[2]) : first;
}
