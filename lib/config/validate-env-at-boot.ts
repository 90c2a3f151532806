import 'server-only';
import { EnvError, getEnv } from './env';

try {
  const env = getEnv();
  console.info(
    env.mode === 'emulator'
      ? `[wellsync] on the emulators: Firestore ${env.emulators?.firestore}, Auth ${env.emulators?.auth}, project ${env.projectId}`
      : `[wellsync] on Firebase project ${env.projectId}, serving ${env.appOrigin}`,
  );
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(
    `\n[wellsync] Refusing to start. ${error.message}\nSee README.md, "Running against a real Firebase project".\n`,
  );
  process.exit(1);
}
