import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const shared = {
  resolve: {
    alias: {
      '@/': `${root}/`,
      // Tests run outside React Server Components; the marker would otherwise throw on import.
      'server-only': `${root}/tests/helpers/server-only-stub.ts`,
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          // tests/security holds the attacks, written as tests: hostile input needs no emulator, stolen sessions do.
          // tests/architecture reads the source itself (the direction of imports).
          include: [
            '{app,components,lib,scripts}/**/*.test.{ts,tsx}',
            'tests/security/input/**/*.test.ts',
            'tests/architecture/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        ...shared,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/security/sessions/**/*.test.ts'],
          globalSetup: ['tests/helpers/emulator-global-setup.ts'],
          setupFiles: ['tests/helpers/per-file-project.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        ...shared,
        test: {
          name: 'rules',
          include: ['tests/rules/**/*.test.ts'],
          globalSetup: ['tests/helpers/emulator-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
