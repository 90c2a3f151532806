import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import type * as FreePort from '@/lib/dev/free-port';
import { startEmulators } from '@/lib/dev/start-emulators';

/** The hub port firebase-tools is given is taken before it binds it (seen once in ~15 starts on CI). */
const squatter: Server = createServer();
const squatted = await new Promise<number>((resolve) =>
  squatter.listen(0, '127.0.0.1', () => resolve((squatter.address() as { port: number }).port)),
);
let handedOut = 0;
vi.mock('@/lib/dev/free-port', async (original) => {
  const real = await original<typeof FreePort>();
  return {
    ...real,
    // The first port asked for inside startEmulators is the hub's: hand out the taken one.
    findFreePort: async () => (handedOut++ === 0 ? squatted : real.findFreePort()),
  };
});

afterAll(() => new Promise<void>((resolve) => squatter.close(() => resolve())));

it('starts again on fresh ports when its own hub port was taken in the meantime', async () => {
  const { findFreePort } = await vi.importActual<typeof FreePort>('@/lib/dev/free-port');
  const emulators = await startEmulators({
    projectId: 'demo-port-race',
    firestorePort: await findFreePort(),
    authPort: await findFreePort(),
    rulesPath: path.resolve('firestore.rules'),
  });
  try {
    expect(handedOut).toBeGreaterThan(2);
    const answer = await fetch(`http://${emulators.authHost}/`);
    expect(answer.ok).toBe(true);
  } finally {
    await emulators.stop();
  }
}, 120_000);
