// CRON_SECRET must be set before the environment is first read in this file.
process.env.CRON_SECRET = 'test-cron-secret-that-is-long-enough-0123456789';

import { randomUUID } from 'node:crypto';
import { Timestamp } from 'firebase-admin/firestore';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as auditLog } from '@/app/api/admin/audit-log/route';
import { GET as overview } from '@/app/api/admin/overview/route';
import { GET as reportTable } from '@/app/api/admin/reports/[report]/[table]/route';
import { GET as report } from '@/app/api/admin/reports/[report]/route';
import { GET as cronGet, POST as cronPost } from '@/app/api/cron/rollup/route';
import { verifySession } from '@/lib/auth/session';
import { setAdminClaim } from '@/lib/admin/set-admin-claim';
import { CONFLICTS, DEVICES, MOOD_ENTRIES } from '@/lib/contract/paths';
import { adminAuth, adminDb } from '@/lib/firebase/admin';
import { deviceRef, syncSettingsRef, userCollection } from '@/lib/firebase/refs';
import { runRollup } from '@/lib/metrics/run-rollup';
import { putSyncEvents } from '../helpers/sync-events';
import {
  createTestUser,
  putJournalEntry,
  request,
  routeContext,
  sessionCookieFor,
  type TestUser,
} from '../helpers/users';

type Route = (req: ReturnType<typeof request>, ctx: ReturnType<typeof routeContext>) => Promise<Response>;
const ENDPOINTS: [string, Route, string, Record<string, string>][] = [
  ['overview', overview as Route, '/api/admin/overview', {}],
  ['adoption report', report as Route, '/api/admin/reports/adoption?range=30d', { report: 'adoption' }],
  ['cost report', report as Route, '/api/admin/reports/cost?range=90d', { report: 'cost' }],
  [
    'reliability report',
    report as Route,
    '/api/admin/reports/reliability?from=2026-01-01&to=2026-01-31',
    { report: 'reliability' },
  ],
  [
    'a CSV table',
    reportTable as Route,
    '/api/admin/reports/reliability/releases?range=30d',
    { report: 'reliability', table: 'releases' },
  ],
  ['the audit log', auditLog as Route, '/api/admin/audit-log', {}],
  ['the audit log as CSV', auditLog as Route, '/api/admin/audit-log?format=csv', {}],
];

let admin: TestUser;
let adminCookie: string;
let user: TestUser;
let userCookie: string;

beforeAll(async () => {
  admin = await createTestUser({ admin: true });
  user = await createTestUser();
  adminCookie = (await sessionCookieFor(admin)).cookie;
  userCookie = (await sessionCookieFor(user)).cookie;
});

const call = (route: Route, path: string, params: Record<string, string>, cookie?: string) =>
  route(request(path, { cookie }), routeContext(params));

describe('admin API access', () => {
  it.each(ENDPOINTS)('%s: 401 for visitors, 404 for non-admins, 200 for admins', async (_name, route, path, params) => {
    expect((await call(route, path, params)).status).toBe(401);
    expect((await call(route, path, params, userCookie)).status).toBe(404);
    const response = await call(route, path, params, adminCookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('checks who is calling before the input, so a non-admin learns nothing from a bad request', async () => {
    const bad = '/api/admin/reports/secrets/x?from=nonsense';
    expect((await call(reportTable as Route, bad, { report: 'secrets', table: 'x' })).status).toBe(401);
    expect((await call(reportTable as Route, bad, { report: 'secrets', table: 'x' }, userCookie)).status).toBe(404);
    expect((await call(reportTable as Route, bad, { report: 'secrets', table: 'x' }, adminCookie)).status).toBe(422);
  });

  it('answers bad ranges and unknown tables with a message an admin can act on', async () => {
    const reversed = await call(
      report as Route,
      '/api/admin/reports/cost?from=2026-03-01&to=2026-02-01',
      { report: 'cost' },
      adminCookie,
    );
    expect(reversed.status).toBe(422);
    expect((await reversed.json()).error.message).toMatch(/start date is after the end date/);
    const tooLong = await call(
      report as Route,
      '/api/admin/reports/cost?from=2020-01-01&to=2026-01-01',
      { report: 'cost' },
      adminCookie,
    );
    expect((await tooLong.json()).error.message).toMatch(/at most 400 days/);
    const unknown = await call(
      reportTable as Route,
      '/api/admin/reports/cost/nope',
      { report: 'cost', table: 'nope' },
      adminCookie,
    );
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toMatch(/no table "nope"/);
  });

  it('appends every admin call to the audit log: who, what, when', async () => {
    const before = Date.now();
    await call(report as Route, '/api/admin/reports/adoption?range=7d', { report: 'adoption' }, adminCookie);
    const entries = await adminDb().collection('audit_log').where('actorUid', '==', admin.uid).get();
    const entry = entries.docs.map((d) => d.data()).find((d) => d.target === '/api/admin/reports/adoption?range=7d');
    expect(entry).toMatchObject({ action: 'api.call', method: 'GET', actorEmail: admin.email });
    expect((entry!.at as Timestamp).toMillis()).toBeGreaterThanOrEqual(before - 5000);
    // Refused calls by non-admins are not admin activity. (Other test files' admins share this database, so
    // the check is scoped to this file's non-admin, whose calls were all refused above.)
    await call(overview as Route, '/api/admin/overview', {}, userCookie);
    const userEntries = await adminDb().collection('audit_log').where('actorUid', '==', user.uid).get();
    expect(userEntries.size).toBe(0);
  });
});

describe('privacy: no journal or mood content in any admin response', () => {
  it('never shows a canary seeded in a user’s journal, mood notes, conflicts or device names', async () => {
    const canary = `CANARY-${randomUUID()}`;
    const user = await createTestUser();
    const now = Date.now();
    const entryId = await putJournalEntry(user, {
      title: `${canary} title`,
      body: `Dear diary ${canary}`,
      tags: [canary.toLowerCase()],
    });
    await userCollection(user, MOOD_ENTRIES)
      .doc('m1')
      .set({
        score: 2,
        emotions: [canary],
        activities: [canary],
        note: canary,
        recordedAt: Timestamp.now(),
        updatedAt: Timestamp.now(),
        deletedAt: null,
        rev: `${now}:0000:ios-c`,
        baseRev: null,
        deviceId: 'ios-c',
        syncedAt: Timestamp.now(),
      });
    await userCollection(user, CONFLICTS)
      .doc('c1')
      .set({
        collection: 'journal_entries',
        docId: entryId,
        rev: `${now}:0001:ios-c`,
        deviceId: 'ios-c',
        data: { title: canary, body: canary },
        detectedAt: Timestamp.fromMillis(now - 10 * 86_400_000),
        resolvedAt: null,
        resolution: null,
      });
    await deviceRef(user, 'ios-c').set({
      name: `${canary} phone`,
      platform: 'ios',
      model: canary,
      appVersion: '3.2.1',
      createdAt: Timestamp.now(),
      lastSeenAt: Timestamp.now(),
      lastSyncAt: Timestamp.now(),
      lastSyncStatus: 'ok',
      pendingChanges: 0,
      revokedAt: null,
    });
    await syncSettingsRef(user).set({
      enabled: true,
      collections: { journal: true, mood: true, profile: true },
      updatedAt: Timestamp.now(),
      updatedBy: 'ios-c',
    });
    await putSyncEvents(
      [0, 1, 2].map((n) => ({
        uid: user.uid,
        deviceId: 'ios-c',
        startedAtMs: now - n * 3_600_000 - 60_000,
        pushed: 2,
      })),
    );
    await runRollup({ forceSnapshot: true });

    const bodies: string[] = [];
    const fetchAll = async (route: Route, path: string, params: Record<string, string>) => {
      const response = await call(route, path, params, adminCookie);
      expect(response.status, path).toBe(200);
      bodies.push(await response.text());
      return bodies.at(-1)!;
    };
    await fetchAll(overview as Route, '/api/admin/overview', {});
    await fetchAll(auditLog as Route, '/api/admin/audit-log', {});
    await fetchAll(auditLog as Route, '/api/admin/audit-log?format=csv', {});
    for (const name of ['adoption', 'cost', 'reliability']) {
      const json = JSON.parse(
        await fetchAll(report as Route, `/api/admin/reports/${name}?range=7d`, { report: name }),
      ) as { tables: { id: string }[] };
      expect(json.tables.length).toBeGreaterThan(0);
      for (const table of json.tables)
        await fetchAll(reportTable as Route, `/api/admin/reports/${name}/${table.id}?range=7d`, {
          report: name,
          table: table.id,
        });
    }
    // The rollups did see this user's activity (so the check below is not vacuous)...
    const cost = JSON.parse(bodies.find((b) => b.includes('"top"'))!);
    expect(cost.month.syncingUsers).toBeGreaterThan(0);
    // ...and no response, nor anything the dashboard stored, holds the canary.
    for (const body of bodies) expect(body).not.toContain(canary);
    const stored = await Promise.all(
      [
        'metrics/rollups/sync_days',
        'metrics/rollups/fleet_days',
        'metrics/rollups/cost_months',
        'metrics/usage/user_months',
        'audit_log',
      ].map((p) => adminDb().collection(p).get()),
    );
    expect(JSON.stringify(stored.flatMap((s) => s.docs.map((d) => d.data())))).not.toContain(canary);
    expect(JSON.stringify(stored.flatMap((s) => s.docs.map((d) => d.data())))).not.toContain(user.uid);
    await adminDb().recursiveDelete(userCollection(user, DEVICES));
  }, 120_000);
});

describe('the scheduled rollup route', () => {
  const secret = process.env.CRON_SECRET!;
  const cron = (init: { auth?: string; query?: string; method?: 'GET' | 'POST' } = {}) => {
    // withCron reads the query from a NextRequest, as Next passes it; a scheduler sends no Origin.
    const req = request(`/api/cron/rollup${init.query ?? ''}`, { method: init.method ?? 'GET', origin: null });
    if (init.auth) req.headers.set('authorization', init.auth);
    return (init.method === 'POST' ? cronPost : cronGet)(req, routeContext({}));
  };

  it('refuses a missing or wrong secret', async () => {
    expect((await cron()).status).toBe(401);
    expect((await cron({ auth: `Bearer ${secret}x` })).status).toBe(401);
    expect((await cron({ auth: secret })).status).toBe(401);
    expect((await (await cron({ auth: 'Bearer nope' })).json()).error.message).toMatch(/Authorization: Bearer/);
  });

  it('runs the rollup with the right secret, by GET or POST, and validates its query', async () => {
    const response = await cron({ auth: `Bearer ${secret}`, method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      mode: expect.stringMatching(/full|incremental/),
      daysChecked: expect.any(Number),
    });
    expect((await cron({ auth: `Bearer ${secret}`, query: '?full=maybe' })).status).toBe(422);
  }, 120_000);
});

describe('npm run admin:grant', () => {
  it('grants the claim for the next sign-in, and revoking it ends existing sessions', async () => {
    const user = await createTestUser();
    const before = await sessionCookieFor(user);
    const granted = await setAdminClaim(user.email, true, { system: 'cli:test' });
    expect(granted.admin).toBe(true);
    expect((await adminAuth().getUser(user.uid)).customClaims).toEqual({ admin: true });
    // The old session keeps its claims; a new sign-in carries the admin claim.
    expect(
      (await verifySession(before.cookie)).status === 'ok' &&
        ((await verifySession(before.cookie)) as { caller: { isAdmin: boolean } }).caller.isAdmin,
    ).toBe(false);
    const after = await sessionCookieFor(user);
    const check = await verifySession(after.cookie);
    expect(check.status === 'ok' && check.caller.isAdmin).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 1100)); // revocation is checked to the second
    await setAdminClaim(user.email, false, { system: 'cli:test' });
    expect((await adminAuth().getUser(user.uid)).customClaims ?? {}).toEqual({});
    expect((await verifySession(after.cookie)).status).toBe('invalid');
    const audit = await adminDb().collection('audit_log').where('subjectUid', '==', user.uid).get();
    expect(audit.docs.map((d) => d.get('action')).sort()).toEqual(['admin.grant', 'admin.revoke']);
    await expect(setAdminClaim('nobody@nowhere.test', true, { system: 'cli:test' })).rejects.toThrow(
      /No account has the email/,
    );
  });
});
