/**
 * Runs once when the server boots. The environment is validated there (lib/config/validate-env-at-boot.ts),
 * so that a missing or contradictory variable stops the server instead of failing a user's first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  await import('./lib/config/validate-env-at-boot');
  // The bench's usage probe (lib/bench/usage-probe.ts): on the emulators only, never in production.
  const usageFile = process.env.WELLSYNC_BENCH_USAGE_FILE;
  if (usageFile && process.env.FIRESTORE_EMULATOR_HOST) {
    const { installUsageProbe } = await import('./lib/bench/usage-probe');
    installUsageProbe(usageFile);
  }
}
