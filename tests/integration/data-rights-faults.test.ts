import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningEmulators } from '@/lib/dev/start-emulators';

// Short deadlines for the jobs' database calls, before any module reads them. Staleness is pushed past the outage
// and the job's backoff of up to 15 s between attempts to record its failure: a stale job reads 'interrupted'
// rather than the 'failed' this file checks the job records itself.
vi.hoisted(() => {
  process.env.WELLSYNC_JOB_DEADLINE_MS = '4000';
  process.env.WELLSYNC_READ_DEADLINE_MS = '3000';
  process.env.WELLSYNC_JOB_STALE_MS = '600000';
});

import { GET as getExport } from '@/app/api/data/exports/[jobId]/route';
import { POST as retryExport } from '@/app/api/data/exports/[jobId]/retry/route';
import { GET as download } from '@/app/api/data/exports/[jobId]/download/route';
import { POST as startExport } from '@/app/api/data/exports/route';
import { POST as applyImport } from '@/app/api/data/imports/[jobId]/apply/route';
import { GET as getImport } from '@/app/api/data/imports/[jobId]/route';
import { POST as upload } from '@/app/api/data/imports/route';
import { findFreePort } from '@/lib/dev/free-port';
import { startEmulators } from '@/lib/dev/start-emulators';
import { startOutageProxy, type OutageProxy } from '../helpers/outage-proxy';
import { userCollection } from '@/lib/firebase/refs';
import { unzipAll } from '../helpers/data-rights';
import {
  createTestUser,
  putJournalEntry,
  request,
  routeContext,
  sessionCookieFor,
  type TestUser,
} from '../helpers/users';

/**
 * Cuts the app off from Firestore and Auth in the middle of an export and of an import: each must fail clearly,
 * show nothing half-done as done, and complete when retried once the database is back. This file runs its own
 * emulators behind relays it can cut (tests/helpers/outage-proxy.ts), so the outage disturbs no other test.
 * (Stopping the emulators instead, as faults.test.ts does, saves their data while still serving: a job could
 * finish during the save and its outcome be lost on reload, leaving it 'running' until stale.)
 */
let emulators: RunningEmulators;
let relays: OutageProxy[];
/** Longer than every deadline above, so whatever call a job has in flight gives up (the SDK retries a shorter one). */
const OUTAGE_MS = 8_000;
const outage = {
  start: async () => {
    await Promise.all(relays.map((relay) => relay.cut()));
    return new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
  },
  end: () => Promise.all(relays.map((relay) => relay.restore())),
};

let user: TestUser;
let cookie: string;

beforeAll(async () => {
  emulators = await startEmulators({
    projectId: 'demo-faults',
    firestorePort: await findFreePort(),
    authPort: await findFreePort(),
    rulesPath: path.resolve('firestore.rules'),
  });
  relays = [await startOutageProxy(emulators.firestoreHost), await startOutageProxy(emulators.authHost)];
  Object.assign(process.env, emulators.env, {
    FIRESTORE_EMULATOR_HOST: relays[0]!.host,
    FIREBASE_AUTH_EMULATOR_HOST: relays[1]!.host,
  });
  user = await createTestUser();
  cookie = (await sessionCookieFor(user)).cookie;
  // Varied text, as real journals are (the import's zip-bomb check holds archives to a realistic ratio).
  const words = [
    'walked',
    'slept',
    'coffee',
    'rain',
    'friends',
    'tired',
    'calm',
    'work',
    'river',
    'late',
    'bright',
    'anxious',
  ];
  const body = (n: number) =>
    Array.from(
      { length: 300 },
      (_, k) => words[(n * 7 + k * k) % words.length]! + (k % 13 === 0 ? ` ${n * k}.` : ''),
    ).join(' ');
  for (let i = 0; i < 4000; i += 200)
    await Promise.all(
      Array.from({ length: 200 }, (_, j) =>
        putJournalEntry(user, {
          id: `e-${String(i + j).padStart(5, '0')}`,
          title: `Entry ${i + j}`,
          body: body(i + j),
        }),
      ),
    );
}, 240_000);

afterAll(async () => {
  await Promise.all((relays ?? []).map((relay) => relay.close()));
  await emulators?.stop();
});

/** Reads until `until` holds. Just after an outage a read may still answer 503 while the client reconnects: retried. */
async function poll<T>(read: () => Promise<T>, until: (value: T) => boolean, timeoutMs = 120_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch((error: Error) => error);
    if (!(value instanceof Error) && until(value)) return value;
    if (Date.now() > end) throw new Error(`gave up waiting; last value ${String(JSON.stringify(value)).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type Job = {
  id: string;
  status: string;
  error: string | null;
  progress: { done: number; total: number };
  counts?: Record<string, number>;
};
async function jobOf(response: Response): Promise<Job> {
  const body = (await response.json()) as { job?: Job };
  if (!body.job) throw new Error(`${response.status} ${JSON.stringify(body)}`);
  return body.job;
}

describe('faults', () => {
  it('an export cut off by a database outage fails clearly, is never shown as ready, and completes on retry', async () => {
    const started = await jobOf(
      await startExport(
        request('/api/data/exports', { method: 'POST', cookie, body: { types: ['journal'] } }),
        routeContext(),
      ),
    );
    const readJob = async () =>
      jobOf(
        await getExport(request(`/api/data/exports/${started.id}`, { cookie }), routeContext({ jobId: started.id })),
      );
    await poll(readJob, (job) => job.progress.total > 0);
    await outage.start();

    // While the database is down the route says so, with a 503 and nothing changed.
    const down = await getExport(
      request(`/api/data/exports/${started.id}`, { cookie }),
      routeContext({ jobId: started.id }),
    );
    expect(down.status).toBe(503);
    expect((await down.json()).error.message).toMatch(/could not be reached/);

    await outage.end();
    const failed = await poll(readJob, (job) => job.status !== 'running');
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/database (could not be reached|did not answer).*try again/i);
    expect(
      (
        await download(
          request(`/api/data/exports/${started.id}/download`, { cookie }),
          routeContext({ jobId: started.id }),
        )
      ).status,
    ).toBe(409);

    expect(
      (
        await retryExport(
          request(`/api/data/exports/${started.id}/retry`, { method: 'POST', cookie, body: {} }),
          routeContext({ jobId: started.id }),
        )
      ).status,
    ).toBe(202);
    const ready = await poll(readJob, (job) => job.status !== 'running');
    expect(ready).toMatchObject({ status: 'ready', counts: { journal: 4000 } });
    const zip = Buffer.from(
      await (
        await download(
          request(`/api/data/exports/${started.id}/download`, { cookie }),
          routeContext({ jobId: started.id }),
        )
      ).arrayBuffer(),
    );
    const json = JSON.parse((await unzipAll(zip)).get('wellsync-export.json')!.toString('utf8'));
    expect(json.journal_entries).toHaveLength(4000);
  }, 300_000);

  it('an import cut off by a database outage keeps its checkpoint, is not shown as complete, and resumes', async () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) =>
        `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')},,,${Math.floor(i / 60) % 24}:${String(i % 60).padStart(2, '0')},good,walk,,`,
    );
    const csv = Buffer.from(['full_date,date,weekday,time,mood,activities,note_title,note', ...rows].join('\n'));
    const previewed = await jobOf(
      await upload(
        request('/api/data/imports?name=daylio.csv', {
          method: 'POST',
          cookie,
          rawBody: new Uint8Array(csv),
          contentType: 'text/csv',
        }),
        routeContext(),
      ),
    );
    expect(previewed.status).toBe('previewed');
    const readJob = async () =>
      jobOf(
        await getImport(
          request(`/api/data/imports/${previewed.id}`, { cookie }),
          routeContext({ jobId: previewed.id }),
        ),
      );
    const apply = () =>
      applyImport(
        request(`/api/data/imports/${previewed.id}/apply`, { method: 'POST', cookie, body: {} }),
        routeContext({ jobId: previewed.id }),
      );

    expect((await apply()).status).toBe(202);
    await poll(readJob, (job) => job.progress.done > 0);
    await outage.start();
    expect(
      (await getImport(request(`/api/data/imports/${previewed.id}`, { cookie }), routeContext({ jobId: previewed.id })))
        .status,
    ).toBe(503);
    await outage.end();

    const failed = await poll(readJob, (job) => job.status !== 'applying');
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/could not be reached.*Resume/);
    expect(failed.progress.done).toBeLessThan(3000);
    const applied = (await userCollection(user, 'mood_entries').count().get()).data().count;
    expect(applied).toBeLessThan(3000);

    // The transactions the cut left open still hold their documents' locks until the database times them out, so
    // the first Resume may stop again on them (saying so, as above); the user chooses Resume until it completes.
    const resumes: string[] = [];
    let completed = failed;
    while (completed.status === 'failed' && resumes.length < 6) {
      expect((await apply()).status).toBe(202);
      completed = await poll(readJob, (job) => job.status !== 'applying');
      resumes.push(`${completed.status}: ${completed.error ?? ''}`);
    }
    if (resumes.length > 1) console.warn(`the import needed ${resumes.length} resumes:\n${resumes.join('\n')}`);
    expect(completed, resumes.join('\n')).toMatchObject({ status: 'completed', progress: { done: 3000, total: 3000 } });
    expect((await userCollection(user, 'mood_entries').count().get()).data().count).toBe(3000);
  }, 300_000);
});
