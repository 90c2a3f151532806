import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as readSettings } from '@/app/api/sync-settings/route';
import { toAppError } from '@/lib/api/errors';
import { ZSyncEvent } from '@/lib/contract/schemas';
import { findFreePort } from '@/lib/dev/free-port';
import { userCollection } from '@/lib/firebase/refs';
import { startEmulators, type RunningEmulators } from '@/lib/dev/start-emulators';
import { listJournalEntries } from '@/lib/journal/list-journal-entries';
import { readRollups } from '@/lib/metrics/read-rollups';
import { runRollup } from '@/lib/metrics/run-rollup';
import { syncDaysCollection } from '@/lib/metrics/metrics-refs';
import { simulateUser } from '@/lib/simulator/simulate-user';
import { adminCloud } from '@/lib/sync/admin-cloud';
import { memoryStore } from '@/lib/sync/stores/memory-store';
import { putSyncEvents } from '../helpers/sync-events';
import {
  createTestUser,
  putJournalEntry,
  request,
  routeContext,
  sessionCookieFor,
  type TestUser,
} from '../helpers/users';

/**
 * The emulators go away while the portal and the rollup are working: each says so clearly (503, or a failed run
 * with a message), nothing is left half-done, and everything works again, with nothing lost or counted twice,
 * once they are back. This file runs its own emulators, with their data kept across the restart.
 */
let emulators: RunningEmulators;
let ports: { firestorePort: number; authPort: number };
const persistDir = mkdtempSync(path.join(tmpdir(), 'wellsync-outage-'));
const start = async () => {
  emulators = await startEmulators({
    projectId: 'demo-outage',
    ...ports,
    rulesPath: path.resolve('firestore.rules'),
    persistDir,
  });
  Object.assign(process.env, emulators.env);
};

let user: TestUser;

beforeAll(async () => {
  ports = { firestorePort: await findFreePort(), authPort: await findFreePort() };
  await start();
  user = await createTestUser();
  for (let i = 0; i < 30; i++)
    await putJournalEntry(user, { title: `Entry ${i}`, createdAtMs: Date.parse('2026-01-01') + i * 86_400_000 });
}, 120_000);

afterAll(async () => {
  await emulators?.stop();
  rmSync(persistDir, { recursive: true, force: true });
});

describe('outages', () => {
  it('the portal answers 503 while the database is down, and the same data once it is back', async () => {
    const before = (await listJournalEntries(user)).entries.map((e) => e.id);
    const { cookie } = await sessionCookieFor(user);
    await emulators.stop();

    const started = Date.now();
    const error = await listJournalEntries(user).then(
      () => null,
      (e: unknown) => e,
    );
    expect(toAppError(error, 'test')).toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/(could not be reached|did not answer).*Nothing was changed/),
    });
    const response = await readSettings(request('/api/sync-settings', { cookie }), routeContext());
    expect(response.status).toBe(503);
    expect(JSON.stringify(await response.json())).not.toMatch(/ECONNREFUSED|at .*\.js/);
    expect(Date.now() - started).toBeLessThan(30_000);

    await start();
    expect((await retryUntilBack(() => listJournalEntries(user))).entries.map((e) => e.id)).toEqual(before);
    // The Auth emulator forgets session cookies across its restart (production does not): sign in again.
    const again = await sessionCookieFor(user);
    expect((await readSettings(request('/api/sync-settings', { cookie: again.cookie }), routeContext())).status).toBe(
      200,
    );
  }, 120_000);

  it('a rollup cut off by an outage fails clearly, and a rerun ends exactly where one clean run would', async () => {
    const day = (n: number) => Date.parse('2026-11-01T00:00:00Z') + n * 86_400_000;
    await putSyncEvents(
      Array.from({ length: 3000 }, (_, i) => ({
        uid: `u-${i % 40}`,
        deviceId: `ios-${i % 40}`,
        platform: 'ios',
        appVersion: '3.2.1',
        startedAtMs: day(i % 20) + i,
        durationMs: 300 + (i % 700),
        status: i % 97 === 0 ? 'error' : 'ok',
        errorCode: i % 97 === 0 ? 'unavailable' : null,
      })),
    );
    const nowMs = day(21);
    const run = runRollup({ full: true, nowMs });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await emulators.stop();
    const failure = await run.then(
      () => null,
      (e: unknown) => e,
    );
    await start();

    // Whether the run got through before the outage or not, rerunning gives the same rollups as a clean run.
    if (failure) expect(toAppError(failure, 'test').code).toMatch(/unavailable|internal/);
    const rerun = await retryUntilBack(() => runRollup({ full: true, nowMs }));
    expect(rerun.mode).toBe('full');
    const after = await syncDays();
    const again = await runRollup({ full: true, nowMs });
    expect(again.writes).toBe(0);
    expect(await syncDays()).toEqual(after);
    // Nothing lost or counted twice: every seeded attempt counted once.
    const { syncDays: days } = await readRollups({ syncMonths: ['2026-11'] });
    expect([...days.values()].reduce((n, d) => n + d.attempts, 0)).toBe(3000);
    expect([...days.values()].reduce((n, d) => n + d.failures, 0)).toBe(
      Array.from({ length: 3000 }, (_, i) => i).filter((i) => i % 97 === 0).length,
    );
  }, 360_000);
});

async function syncDays() {
  return (await syncDaysCollection().get()).docs.map((d) => [d.id, d.data()]);
}

/**
 * Retries as the scheduler's next call would. An outage can strand the interrupted run's lease ('conflict' until it
 * expires), and the gRPC client reconnects on its own backoff, so the first calls after the restart can still miss
 * their deadline ('unavailable'). Any other error, or either one past about three minutes, fails the test.
 */
async function retryUntilBack<T>(run: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await run();
    } catch (error) {
      const { code } = toAppError(error, 'test');
      if ((code !== 'conflict' && code !== 'unavailable') || i > 90) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

describe('the simulator under a slow and failing network', () => {
  it('reports every attempt truthfully: the same statuses, error codes and modelled durations reach sync_events', async () => {
    const phone = await createTestUser();
    const reported: { status: string; errorCode: string | null; durationMs: number }[] = [];
    await simulateUser({
      uid: phone.uid,
      timeZone: 'UTC',
      devices: [{ id: 'android-flaky', platform: 'android', appVersion: '3.2.1', name: 'Flaky network', skewMs: 0 }],
      nowMs: Date.parse('2026-11-20T23:59:00Z'),
      days: 10,
      seed: 7,
      // A bad network: one call in ten fails, and a day in five starts offline.
      failureRate: 0.1,
      offlineRate: 0.2,
      journalRate: 0.8,
      moodsPerDay: 1,
      syncsPerDay: 3,
      busyDays: 10,
      connect: () => ({ cloud: adminCloud(phone), store: memoryStore() }),
      onAttempt: (_device, report) =>
        reported.push({ status: report.status, errorCode: report.errorCode, durationMs: report.durationMs }),
    });
    const events = (await userCollection(phone, 'sync_events').orderBy('startedAt').get()).docs.map((d) =>
      ZSyncEvent.parse(d.data()),
    );
    const failed = reported.filter((r) => r.status === 'error');
    expect(failed.length).toBeGreaterThan(3);
    expect(reported.some((r) => r.status === 'ok')).toBe(true);
    // Every attempt is there (those made offline arrive later), with its status, code and duration.
    const key = (e: { status: string; errorCode?: string | null; durationMs: number }) =>
      `${e.status}|${e.errorCode ?? ''}|${e.durationMs}`;
    expect(events.map(key).sort()).toEqual(reported.map(key).sort());
    // Durations are the modelled network time: a failed attempt that waited for a timeout shows it.
    expect(Math.max(...failed.map((r) => r.durationMs))).toBeGreaterThanOrEqual(8_000);
    expect(Math.min(...reported.filter((r) => r.status === 'ok').map((r) => r.durationMs))).toBeGreaterThan(0);
  }, 120_000);
});
