import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { APIResponse } from '@playwright/test';
import { expect, test } from './fixtures';

/** The standalone production server, started with nothing but the given environment. */
function boot(env: Record<string, string>, port: number) {
  const clean: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: '1',
    ...env,
  };
  const child = spawn(process.execPath, ['.next/standalone/server.js'], { env: clean });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, output: () => output };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const production = {
  FIREBASE_PROJECT_ID: 'wellsync-prod',
  FIREBASE_API_KEY: 'AIza-not-a-real-key',
  FIREBASE_AUTH_DOMAIN: 'wellsync-prod.firebaseapp.com',
  FIREBASE_APP_ID: '1:1:web:1',
  APP_ORIGIN: 'https://wellsync.example.com',
  CRON_SECRET: 's'.repeat(40),
};

test.describe('the production server', () => {
  test('refuses to boot without its configuration, saying what is missing', async () => {
    const server = boot({}, await freePort());
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('Refusing to start');
    expect(server.output()).toContain('FIREBASE_PROJECT_ID is required outside the emulators');
  });

  test('refuses contradictory configuration', async () => {
    const server = boot({ ...production, FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080' }, await freePort());
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('Set both FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST, or neither');
  });

  test('boots with a complete configuration and sends the production security headers', async ({ request }) => {
    const port = await freePort();
    const server = boot(production, port);
    try {
      await expect.poll(() => server.output(), { timeout: 20_000 }).toContain('on Firebase project wellsync-prod');
      let response: APIResponse | null = null;
      await expect
        .poll(
          async () => (response = await request.get(`http://127.0.0.1:${port}/signin`).catch(() => null))?.status(),
          { timeout: 20_000 },
        )
        .toBe(200);
      const headers = response!.headers();
      expect(headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(headers['content-security-policy']).toContain('upgrade-insecure-requests');
      expect(headers['content-security-policy']).toContain('https://firestore.googleapis.com');
      const csp = headers['content-security-policy']!;
      for (const directive of ["'strict-dynamic'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'"])
        expect(csp).toContain(directive);
      // A fresh nonce per request, and the page's own scripts carry it.
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      const again = await request.get(`http://127.0.0.1:${port}/signin`);
      expect(again.headers()['content-security-policy']).not.toContain(`'nonce-${nonce}'`);
      expect(await response!.text()).toContain(`nonce="${nonce}"`);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['cache-control']).toContain('no-store');
      // No demo logins outside the emulators.
      expect(await response!.text()).not.toContain('demo.wellsync.test');
    } finally {
      server.child.kill();
    }
  });
});
