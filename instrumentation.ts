/**
 * Runs once when the server boots. The environment is validated there (lib/config/validate-env-at-boot.ts),
 * so that a missing or contradictory variable stops the server instead of failing a user's first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./lib/config/validate-env-at-boot');
}
