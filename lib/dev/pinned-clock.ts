import { existsSync } from 'node:fs';

/** Offset from real time so processes agree; Chromium and the emulator JVM crawl under libfaketime, so excluded. */
const LIBRARY_PATHS = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
  '/usr/local/lib/faketime/libfaketime.so.1',
];

export const PINNED_CLOCK_VARIABLES = ['LD_PRELOAD', 'FAKETIME', 'FAKETIME_DONT_FAKE_MONOTONIC'] as const;

export function findFaketime(): string {
  const found = [process.env.FAKETIME_LIBRARY, ...LIBRARY_PATHS].find(
    (candidate) => candidate && existsSync(candidate),
  );
  if (!found)
    throw new Error(
      'The e2e tests run at a pinned instant with libfaketime. Install it (`apt-get install faketime`) or set FAKETIME_LIBRARY to libfaketime.so.1.',
    );
  return found;
}

/** The environment that makes a child process believe it is `instant` now (ISO 8601), counted from `realNowMs`. */
export function pinnedClockEnv(
  instant: string,
  library: string,
  realNowMs = Date.now(),
): Record<(typeof PINNED_CLOCK_VARIABLES)[number], string> {
  const target = Date.parse(instant);
  if (Number.isNaN(target)) throw new Error(`Not an ISO 8601 instant: ${instant}`);
  const seconds = Math.round((target - realNowMs) / 1000);
  return {
    LD_PRELOAD: library,
    FAKETIME: `${seconds >= 0 ? '+' : '-'}${Math.abs(seconds)}`,
    FAKETIME_DONT_FAKE_MONOTONIC: '1',
  };
}

export function withoutPinnedClock(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !(PINNED_CLOCK_VARIABLES as readonly string[]).includes(entry[0]),
    ),
  );
}
