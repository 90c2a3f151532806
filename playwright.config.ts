import { defineConfig, devices } from '@playwright/test';
import { withoutPinnedClock } from './lib/dev/pinned-clock';

/** Debian's Chromium against the standalone build; Playwright never downloads a browser here. */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
      // Chromium crawls under libfaketime; its clock is pinned by e2e/fixtures.ts instead.
      env: withoutPinnedClock(process.env),
    },
  },
  webServer: {
    // The deployable artifact itself: the standalone server that `npm run build` produces.
    command: 'node .next/standalone/server.js',
    url: `${baseURL}/signin`,
    timeout: 60_000,
    reuseExistingServer: false,
    // The test runner resolves `server-only` with the react-server condition (scripts/test.ts); Next must not.
    env: { ...withoutNodeOptions(process.env), NEXT_TELEMETRY_DISABLED: '1', PORT: String(port) },
  },
});

function withoutNodeOptions(env: NodeJS.ProcessEnv): Record<string, string> {
  const { NODE_OPTIONS: _omit, ...rest } = env;
  return rest as Record<string, string>;
}
