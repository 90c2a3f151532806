// Every route handler, discovered from app/**/route.ts, against every kind of caller: a route nobody listed here
// fails the first test, so a new route cannot ship without being checked. There are no server actions
// (docs/architecture.md); the second test proves that from the code.
process.env.CRON_SECRET = 'c'.repeat(40);

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Timestamp } from 'firebase-admin/firestore';
import type { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL_ENTRIES } from '@/lib/contract/paths';
import { ERASE_PHRASE } from '@/lib/erasure/erasure-receipt';
import { runExportJob } from '@/lib/export/run-export-job';
import { startExportJob } from '@/lib/export/start-export-job';
import { createImportJob } from '@/lib/import/create-import-job';
import { deviceRef, syncSettingsRef, userCollection } from '@/lib/firebase/refs';
import { adminCloud } from '@/lib/sync/admin-cloud';
import { memoryStore } from '@/lib/sync/stores/memory-store';
import { SyncClient } from '@/lib/sync/sync-client';
import {
  createTestUser,
  request,
  routeContext,
  sessionCookieFor,
  signInWithPassword,
  type TestUser,
} from '../helpers/users';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type Method = (typeof METHODS)[number];
type Handler = (req: NextRequest, ctx: ReturnType<typeof routeContext>) => Promise<Response>;

/** What one call sends. */
type Call = {
  params?: Record<string, string>;
  body?: unknown;
  rawBody?: BodyInit;
  contentType?: string;
  query?: string;
  headers?: Record<string, string>;
};
type Owner = { user: TestUser; cookie: string; deviceId: string };

/**
 * - user: the caller's own data. Anonymous 401, owner 2xx, another user and an admin 404 where the route names
 *   a resource (they act on their own data where it does not), a revoked session 401, a missing id 404, a
 *   malformed id 422.
 * - admin: anonymous 401, non-admins 404, admin 2xx, revoked 401.
 * - public: sign-in, which works without a session.
 * - cron: the scheduler's bearer secret, nothing else.
 */
type Entry = {
  access: 'user' | 'admin' | 'public' | 'cron';
  ok: number;
  /** The owner's request, after creating what it needs. */
  prepare: (owner: Owner) => Promise<Call>;
  /** The id parameter, checked with an unknown value (404) and a malformed one (422). */
  id?: { name: string; missing: string; malformed: string };
};

const JOB_ID = { name: 'jobId', missing: '00000000-0000-4000-8000-000000000000', malformed: 'not-a-job' };
const DEVICE_ID = { name: 'deviceId', missing: 'ios-nosuchdevice', malformed: 'a/b' };
const DAYLIO = readFileSync('tests/fixtures/imports/daylio_export.csv');

const ROUTES: Record<string, Entry> = {
  'GET /api/admin/audit-log': { access: 'admin', ok: 200, prepare: async () => ({}) },
  'GET /api/admin/overview': { access: 'admin', ok: 200, prepare: async () => ({}) },
  'GET /api/admin/reports/[report]': {
    access: 'admin',
    ok: 200,
    prepare: async () => ({ params: { report: 'adoption' } }),
    id: { name: 'report', missing: 'sales', malformed: '../x' },
  },
  'GET /api/admin/reports/[report]/[table]': {
    access: 'admin',
    ok: 200,
    prepare: async () => ({ params: { report: 'reliability', table: 'releases' } }),
    id: { name: 'table', missing: 'nosuchtable', malformed: 'NO TABLE!' },
  },
  'GET /api/auth/firebase-token': { access: 'user', ok: 200, prepare: async () => ({}) },
  'POST /api/auth/session': {
    access: 'public',
    ok: 200,
    prepare: async ({ user }) => ({ body: { idToken: await signInWithPassword(user) } }),
  },
  'DELETE /api/auth/session': { access: 'user', ok: 200, prepare: async () => ({ body: {} }) },
  'POST /api/auth/sign-out-everywhere': { access: 'user', ok: 200, prepare: async () => ({ body: {} }) },
  'POST /api/conflicts/[conflictId]/resolve': {
    access: 'user',
    ok: 200,
    prepare: async ({ user }) => ({ params: { conflictId: await conflictOf(user) }, body: { choice: 'kept-winner' } }),
    id: { name: 'conflictId', missing: 'no-such-conflict', malformed: 'a/b' },
  },
  'POST /api/conflicts/[conflictId]/undo': {
    access: 'user',
    ok: 200,
    prepare: async ({ user }) => ({
      params: { conflictId: await conflictOf(user, 'auto-merged') },
      body: { keep: 'other' },
    }),
    id: { name: 'conflictId', missing: 'no-such-conflict', malformed: 'a/b' },
  },
  'GET /api/cron/rollup': { access: 'cron', ok: 200, prepare: async () => ({}) },
  'POST /api/cron/rollup': { access: 'cron', ok: 200, prepare: async () => ({ body: {} }) },
  'GET /api/data/erasure': { access: 'user', ok: 200, prepare: async () => ({}) },
  'POST /api/data/erasure': {
    access: 'user',
    ok: 200,
    prepare: async ({ user }) => ({ body: { idToken: await signInWithPassword(user), phrase: ERASE_PHRASE } }),
  },
  'GET /api/data/exports': { access: 'user', ok: 200, prepare: async () => ({}) },
  'POST /api/data/exports': {
    access: 'user',
    ok: 202,
    prepare: async () => ({ body: { types: ['journal'], includeTombstones: true } }),
  },
  'GET /api/data/exports/[jobId]': {
    access: 'user',
    ok: 200,
    prepare: async (o) => ({ params: { jobId: await exportOf(o) } }),
    id: JOB_ID,
  },
  'DELETE /api/data/exports/[jobId]': {
    access: 'user',
    ok: 200,
    prepare: async (o) => ({ params: { jobId: await exportOf(o) }, body: {} }),
    id: JOB_ID,
  },
  'GET /api/data/exports/[jobId]/download': {
    access: 'user',
    ok: 200,
    prepare: async (o) => ({ params: { jobId: await exportOf(o) } }),
    id: JOB_ID,
  },
  'POST /api/data/exports/[jobId]/retry': {
    access: 'user',
    ok: 202,
    prepare: async (o) => ({ params: { jobId: await exportOf(o, 'failed') }, body: {} }),
    id: JOB_ID,
  },
  'GET /api/data/imports': { access: 'user', ok: 200, prepare: async () => ({}) },
  'POST /api/data/imports': {
    access: 'user',
    ok: 201,
    prepare: async () => ({
      rawBody: new Uint8Array(DAYLIO),
      contentType: 'application/octet-stream',
      query: '?name=daylio.csv',
    }),
  },
  'GET /api/data/imports/[jobId]': {
    access: 'user',
    ok: 200,
    prepare: async ({ user }) => ({ params: { jobId: await importOf(user) } }),
    id: JOB_ID,
  },
  'DELETE /api/data/imports/[jobId]': {
    access: 'user',
    ok: 200,
    prepare: async ({ user }) => ({ params: { jobId: await importOf(user) }, body: {} }),
    id: JOB_ID,
  },
  'POST /api/data/imports/[jobId]/preview': {
    access: 'user',
    ok: 200,
    prepare: async ({ user }) => ({ params: { jobId: await importOf(user) }, body: { timeZone: 'Asia/Tokyo' } }),
    id: JOB_ID,
  },
  'POST /api/data/imports/[jobId]/apply': {
    access: 'user',
    ok: 202,
    prepare: async ({ user }) => ({ params: { jobId: await importOf(user) }, body: {} }),
    id: JOB_ID,
  },
  'PATCH /api/devices/[deviceId]': {
    access: 'user',
    ok: 200,
    prepare: async ({ user }) => ({ params: { deviceId: await phoneOf(user) }, body: { name: 'Renamed' } }),
    id: DEVICE_ID,
  },
  'POST /api/devices/[deviceId]/revoke': {
    access: 'user',
    ok: 200,
    prepare: async ({ user }) => ({ params: { deviceId: await phoneOf(user) }, body: {} }),
    id: DEVICE_ID,
  },
  'POST /api/sync-settings/remove-cloud-copy': {
    access: 'user',
    ok: 200,
    prepare: async ({ user }) => {
      await syncSettingsRef(user).set({
        enabled: true,
        collections: { journal: false, mood: true, profile: true },
        updatedAt: Timestamp.now(),
        updatedBy: 'ios-x',
      });
      return { body: { type: 'journal' } };
    },
  },
  'GET /api/sync-settings': { access: 'user', ok: 200, prepare: async () => ({}) },
  'PUT /api/sync-settings': {
    access: 'user',
    ok: 200,
    prepare: async () => ({ body: { enabled: true, collections: { journal: true, mood: false, profile: true } } }),
  },
};

function discoverRoutes(): { key: string; file: string; method: Method }[] {
  const found: { key: string; file: string; method: Method }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'route.ts') {
        const route = `/${path
          .relative('app', path.dirname(full))
          .split(path.sep)
          .filter((s) => !/^\(.*\)$/.test(s))
          .join('/')}`;
        const source = readFileSync(full, 'utf8');
        for (const method of METHODS)
          if (new RegExp(`export (const|async function|function) ${method}\\b`).test(source))
            found.push({ key: `${method} ${route}`, file: full, method });
      }
    }
  };
  walk('app');
  return found.sort((a, b) => a.key.localeCompare(b.key));
}

async function load(file: string, method: Method): Promise<Handler> {
  const exported = (await import(/* @vite-ignore */ path.resolve(file))) as Record<string, Handler>;
  return exported[method]!;
}

function call(
  handler: Handler,
  method: Method,
  route: string,
  c: Call,
  cookie?: string,
  extraHeaders?: Record<string, string>,
) {
  const url =
    route.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(c.params?.[name] ?? name)) + (c.query ?? '');
  const req = request(url, { method, cookie, body: c.body, rawBody: c.rawBody, contentType: c.contentType });
  for (const [k, v] of Object.entries({ ...c.headers, ...extraHeaders })) req.headers.set(k, v);
  return handler(req, routeContext(c.params ?? {}));
}

let stranger: { user: TestUser; cookie: string };
let admin: { user: TestUser; cookie: string };

beforeAll(async () => {
  const strangerUser = await createTestUser();
  const adminUser = await createTestUser({ admin: true });
  stranger = { user: strangerUser, cookie: (await sessionCookieFor(strangerUser)).cookie };
  admin = { user: adminUser, cookie: (await sessionCookieFor(adminUser)).cookie };
});

describe('the access matrix', () => {
  const routes = discoverRoutes();

  it('covers every route handler in the code, and lists none that is gone', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.map((r) => r.key).filter((key) => !ROUTES[key])).toEqual([]);
    expect(Object.keys(ROUTES).filter((key) => !routes.some((r) => r.key === key))).toEqual([]);
  });

  it('has no server actions (every mutation is a guarded route handler)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(name) && /^\s*['"]use server['"]/m.test(readFileSync(full, 'utf8')))
          offenders.push(full);
      }
    };
    for (const dir of ['app', 'components', 'lib']) walk(dir);
    expect(offenders).toEqual([]);
  });

  it.each(routes.map((r) => [r.key, r] as const))('%s', async (key, { file, method }) => {
    const entry = ROUTES[key]!;
    const route = key.slice(method.length + 1);
    const handler = await load(file, method);
    const owner = await ownerWithSessions();
    const c = await entry.prepare(owner);
    const statusOf = async (cookie?: string, override: Call = c, headers?: Record<string, string>) =>
      (await call(handler, method, route, override, cookie, headers)).status;

    if (entry.access === 'cron') {
      expect(await statusOf()).toBe(401);
      expect(await statusOf(owner.cookie)).toBe(401);
      expect(await statusOf(admin.cookie)).toBe(401);
      expect(await statusOf(undefined, c, { authorization: `Bearer ${'x'.repeat(40)}` })).toBe(401);
      expect(await statusOf(undefined, c, { authorization: `Bearer ${process.env.CRON_SECRET}` })).toBe(entry.ok);
      return;
    }
    if (entry.access === 'public') {
      // Sign-in: a forged token is refused whoever asks; a real one signs its own user in.
      if (method === 'POST') expect(await statusOf(undefined, { body: { idToken: 'x'.repeat(64) } })).toBe(401);
      expect(await statusOf(owner.revokedCookie, c)).toBe(entry.ok);
      expect(await statusOf(undefined, c)).toBe(entry.ok);
      return;
    }

    // Everyone but the owner first: the owner's own call may consume the resource.
    expect(await statusOf(undefined)).toBe(401);
    expect(await statusOf(owner.revokedCookie)).toBe(401);
    if (entry.access === 'admin') {
      expect(await statusOf(owner.cookie)).toBe(404);
      expect(await statusOf(stranger.cookie)).toBe(404);
      if (entry.id) {
        expect(await statusOf(admin.cookie, { ...c, params: { ...c.params, [entry.id.name]: entry.id.missing } })).toBe(
          404,
        );
        expect(
          await statusOf(admin.cookie, { ...c, params: { ...c.params, [entry.id.name]: entry.id.malformed } }),
        ).toBe(422);
      }
      expect(await statusOf(admin.cookie)).toBe(entry.ok);
      return;
    }
    if (entry.id) {
      expect(await statusOf(stranger.cookie)).toBe(404);
      expect(await statusOf(admin.cookie)).toBe(404);
      expect(await statusOf(owner.cookie, { ...c, params: { ...c.params, [entry.id.name]: entry.id.missing } })).toBe(
        404,
      );
      expect(await statusOf(owner.cookie, { ...c, params: { ...c.params, [entry.id.name]: entry.id.malformed } })).toBe(
        422,
      );
    } else if (key === 'POST /api/data/erasure') {
      // The owner's fresh sign-in cannot erase another account: 403, and the account stays.
      expect(await statusOf(stranger.cookie)).toBe(403);
      expect(await statusOf(admin.cookie)).toBe(403);
    }
    expect(await statusOf(owner.cookie)).toBe(entry.ok);
  });
});

async function ownerWithSessions(): Promise<Owner & { revokedCookie: string }> {
  const user = await createTestUser();
  const session = await sessionCookieFor(user);
  // A second browser session of the same user, revoked from the devices page.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const revoked = await sessionCookieFor(user);
  await deviceRef(user, revoked.deviceId).update({ revokedAt: Timestamp.now() });
  await userCollection(user, JOURNAL_ENTRIES).doc('e1').set({ title: 'mine' });
  return { user, cookie: session.cookie, deviceId: session.deviceId, revokedCookie: revoked.cookie };
}

async function phoneOf(user: TestUser): Promise<string> {
  const t = Timestamp.now();
  await deviceRef(user, 'ios-phone').set({
    name: 'iPhone',
    platform: 'ios',
    model: null,
    appVersion: '3.2.1',
    createdAt: t,
    lastSeenAt: t,
    lastSyncAt: t,
    lastSyncStatus: 'ok',
    pendingChanges: 0,
    revokedAt: null,
  });
  return 'ios-phone';
}

async function exportOf({ user }: Owner, status: 'ready' | 'failed' = 'ready'): Promise<string> {
  const { view, attempt } = await startExportJob(user, {
    types: ['journal'],
    includeTombstones: true,
    from: null,
    to: null,
  });
  await runExportJob(user, attempt);
  if (status === 'failed') await userCollection(user, 'export_jobs').doc(view.id).update({ status: 'failed' });
  return view.id;
}

async function importOf(user: TestUser): Promise<string> {
  return (await createImportJob(user, DAYLIO, 'daylio.csv')).id;
}

/** An open conflict (both phones rewrote the body), or an automatic merge (one appended, the other retitled). */
async function conflictOf(user: TestUser, kind: 'open' | 'auto-merged' = 'open'): Promise<string> {
  let time = Date.now() - 60_000;
  const phone = (id: string) =>
    SyncClient.open({
      device: { id, platform: 'ios', appVersion: '3.2.1', name: id },
      cloud: adminCloud(user),
      store: memoryStore(),
      now: () => time,
    });
  const [a, b] = [await phone('ios-a'), await phone('ios-b')];
  await a.edit(JOURNAL_ENTRIES, 'c1', {
    title: 't',
    body: 'v1',
    tags: [],
    mood: null,
    createdAt: Timestamp.fromMillis(time),
  });
  await a.sync();
  await b.sync();
  time += 1000;
  await a.edit(JOURNAL_ENTRIES, 'c1', { body: kind === 'open' ? 'a' : 'v1\nv2' });
  time += 1000;
  await b.edit(JOURNAL_ENTRIES, 'c1', kind === 'open' ? { body: 'b' } : { title: 't2' });
  await b.sync();
  await a.sync();
  const conflicts = await userCollection(user, 'conflicts').get();
  return conflicts.docs[0]?.id ?? randomUUID();
}
